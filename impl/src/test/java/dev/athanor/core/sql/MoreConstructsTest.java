package dev.athanor.core.sql;

import dev.athanor.Connection;
import dev.athanor.Engine;
import dev.athanor.Func;
import dev.athanor.OperationalError;
import dev.athanor.Row;
import dev.athanor.impl.dialect.Dialects;
import dev.athanor.impl.sql.SqlCompiler;
import dev.athanor.schema.Column;
import dev.athanor.schema.MetaData;
import dev.athanor.schema.SqlTypes;
import dev.athanor.schema.Table;
import dev.athanor.testing.DatabaseTest;
import dev.athanor.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.athanor.Sql.bindParam;
import static dev.athanor.Sql.insert;
import static dev.athanor.Sql.select;
import static dev.athanor.Sql.update;
import static dev.athanor.schema.Schema.column;
import static dev.athanor.schema.SqlTypes.INTEGER;
import static dev.athanor.schema.SqlTypes.varchar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The constructs ExpressionLanguageTest leaves out: DISTINCT, row locks, INSERT ... SELECT, named parameters. */
@DatabaseTest
class MoreConstructsTest {
    MetaData metadata;
    Table jobs;
    Table archive;

    @BeforeEach
    void schema(Engine engine) {
        metadata = new MetaData();
        jobs = metadata.table("jobs", column("id", INTEGER).primaryKey(), column("state", varchar(10)),
                column("tries", INTEGER));
        archive = metadata.table("archive", column("id", INTEGER).primaryKey(), column("state", varchar(10)));
        metadata.createAll(engine);
        engine.begin(conn -> conn.execute(insert(jobs), List.of(
                Map.of("id", 1, "state", "new", "tries", 0), Map.of("id", 2, "state", "new", "tries", 0),
                Map.of("id", 3, "state", "done", "tries", 2))));
    }

    @Test
    void distinctAndFunctionsByName(Engine engine) {
        Column<String> state = jobs.c("state");
        List<String> states = engine.inTransaction(conn -> conn.execute(select(state).distinct().orderBy(state))
                .scalars(String.class).all());
        assertThat(states).containsExactly("done", "new");
        Row row = engine.inTransaction(conn -> conn.execute(select(Func.now().label("at"),
                Func.of("abs", SqlTypes.INTEGER, -5).label("five"))).one());
        assertThat(row.get("at", OffsetDateTime.class)).isNotNull();
        assertThat(row.get("five", Integer.class)).isEqualTo(5);
    }

    @Test
    void insertFromSelect(Engine engine, TestDatabase db) throws Exception {
        engine.begin(conn -> conn.execute(insert(archive).fromSelect(List.of("id", "state"),
                select(jobs.c("id"), jobs.c("state")).where(jobs.c("state").eq("done")))));
        assertThat(db.countRows("archive")).isEqualTo(1);
    }

    @Test
    void namedParametersInAnUpdateExecutemany(Engine engine) {
        Column<Integer> id = jobs.c("id");
        engine.begin(conn -> conn.execute(update(jobs).where(id.eq(bindParam("job", SqlTypes.INTEGER)))
                        .values(Map.of("state", bindParam("new_state", SqlTypes.VARCHAR))),
                List.of(Map.of("job", 1, "new_state", "running"), Map.of("job", 2, "new_state", "failed"))));
        // Without values(): the parameters named after columns become the SET list.
        engine.begin(conn -> conn.execute(update(jobs).where(id.eq(bindParam("job", SqlTypes.INTEGER))),
                Map.of("job", 3, "tries", 9)));
        List<Row> rows = engine.inTransaction(conn -> conn.execute(select(jobs).orderBy(id)).all());
        assertThat(rows).extracting(r -> r.get("state") + "/" + r.get("tries", Integer.class))
                .containsExactly("running/0", "failed/0", "done/9");
    }

    @Test
    void forUpdateSkipLockedAndNowait(Engine engine, TestDatabase db) {
        Column<Integer> id = jobs.c("id");
        try (Connection worker1 = engine.connect(); Connection worker2 = engine.connect()) {
            List<Integer> first = worker1.execute(select(id).where(jobs.c("state").eq("new")).orderBy(id).limit(1)
                    .forUpdate(true, false)).scalars(Integer.class).all();
            assertThat(first).containsExactly(1);
            List<Integer> second = worker2.execute(select(id).where(jobs.c("state").eq("new")).orderBy(id)
                    .forUpdate(true, false)).scalars(Integer.class).all();
            assertThat(second).as("the row worker 1 holds is skipped").containsExactly(2);
            worker2.rollback();
            assertThatThrownBy(() -> worker2.execute(select(id).where(id.eq(1)).forUpdate(false, true)).all())
                    .isInstanceOf(OperationalError.class);
            worker2.rollback();
            worker1.commit();
        }
    }

    @Test
    void theCompiledCacheIsBounded() {
        SqlCompiler compiler = new SqlCompiler(Dialects.forName("h2"), 20);
        Column<Integer> id = jobs.c("id");
        for (int n = 1; n <= 100; n++) {
            // a different shape each time: IN lists of growing length
            compiler.bind(select(id).where(id.in(java.util.Collections.nCopies(n, 1))), null);
        }
        assertThat(compiler.cacheSize()).isLessThanOrEqualTo(20);
        assertThat(compiler.compile(select(id), Set.of()).sql()).isEqualTo("SELECT jobs.id FROM jobs");
    }
}
