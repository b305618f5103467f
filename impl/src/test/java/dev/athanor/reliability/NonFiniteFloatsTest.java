package dev.athanor.reliability;

import dev.athanor.DataError;
import dev.athanor.Engine;
import dev.athanor.orm.Registry;
import dev.athanor.orm.Session;
import dev.athanor.orm.SessionMaker;
import dev.athanor.schema.MetaData;
import dev.athanor.schema.Table;
import dev.athanor.testing.DatabaseTest;
import dev.athanor.testing.StatementRecorder;
import dev.athanor.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.athanor.Sql.insert;
import static dev.athanor.Sql.text;
import static dev.athanor.schema.Schema.column;
import static dev.athanor.schema.SqlTypes.DOUBLE;
import static dev.athanor.schema.SqlTypes.INTEGER;
import static dev.athanor.schema.SqlTypes.REAL;
import static dev.athanor.schema.SqlTypes.numeric;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Defect 2 of issue 15: NaN and the infinities, per database and column type, through text binds, the expression
 * language and the ORM. The rule (docs/errors.md#non-finite): MariaDB stores them in no type, so Athanor refuses them
 * before sending with a DataError naming the parameter; PostgreSQL stores them in REAL/DOUBLE and NaN in NUMERIC, and
 * refuses an infinity in NUMERIC(p, s) itself; H2 stores them in REAL/DOUBLE and refuses them in NUMERIC itself.
 */
@DatabaseTest
class NonFiniteFloatsTest {
    private static final double[] NON_FINITE = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
    private Table values;

    @BeforeEach
    void schema(Engine engine) {
        values = new MetaData().table("nonfinite_values", column("id", INTEGER).primaryKey(),
                column("d", DOUBLE), column("r", REAL), column("n", numeric(10, 2)));
        values.metadata().createAll(engine);
    }

    /** Whether {@code db} stores {@code value} in a column of this kind ("d", "r" or "n"). */
    private static boolean stores(TestDatabase db, String column, double value) {
        return switch (db) {
            case MARIADB -> false;
            case POSTGRESQL -> !column.equals("n") || Double.isNaN(value);
            case H2 -> !column.equals("n");
        };
    }

    private static double readBack(Engine engine, String column, int id) {
        Object stored = engine.inTransaction(conn -> conn.execute(text("SELECT " + column
                + " FROM nonfinite_values WHERE id = :id"), Map.of("id", id)).scalarOne());
        return ((Number) stored).doubleValue();
    }

    @Test
    void textBindsFollowTheDatabasesRule(Engine engine, TestDatabase db) throws Exception {
        int id = 0;
        for (String column : List.of("d", "r", "n")) {
            for (double value : NON_FINITE) {
                int rowId = ++id;
                Object bound = column.equals("r") ? (Object) (float) value : (Object) value;
                Runnable insert = () -> engine.begin(conn -> conn.execute(text("INSERT INTO nonfinite_values (id, "
                        + column + ") VALUES (:id, :v)"), Map.of("id", rowId, "v", bound)));
                if (stores(db, column, value)) {
                    insert.run();
                    assertThat(Double.compare(readBack(engine, column, rowId), value)).as(column + " " + value).isZero();
                } else {
                    try (StatementRecorder sql = StatementRecorder.on(engine)) {
                        assertThatThrownBy(insert::run).as(column + " " + value).isInstanceOf(DataError.class)
                                .satisfies(e -> assertThat(((DataError) e).sqlState()).startsWith("22"))
                                .satisfies(e -> {
                                    if (db == TestDatabase.MARIADB) { // refused by Athanor, naming the parameter
                                        assertThat(e.getMessage()).contains("parameter 'v'", "nothing was sent");
                                        assertThat(sql.count()).isZero();
                                    }
                                });
                    }
                }
            }
        }
        long stored = engine.inTransaction(conn -> conn.execute(text("SELECT count(*) FROM nonfinite_values"))
                .scalarOne(Long.class));
        assertThat(db.countRows("nonfinite_values")).isEqualTo(stored)
                .isEqualTo(switch (db) { case MARIADB -> 0; case POSTGRESQL -> 7; case H2 -> 6; });
    }

    @Test
    void expressionLanguageFollowsTheSameRule(Engine engine, TestDatabase db) throws Exception {
        int id = 100;
        for (double value : NON_FINITE) {
            int rowId = ++id;
            Runnable insert = () -> engine.begin(conn -> conn.execute(insert(values)
                    .values(Map.of("id", rowId, "d", value))));
            if (stores(db, "d", value)) {
                insert.run();
                assertThat(Double.compare(readBack(engine, "d", rowId), value)).isZero();
            } else {
                assertThatThrownBy(insert::run).isInstanceOf(DataError.class)
                        .hasMessageContaining("parameter for column 'd' at position ").hasMessageContaining(String.valueOf(value));
            }
        }
        // the connection and the table are intact after a refusal
        engine.begin(conn -> conn.execute(insert(values).values(Map.of("id", 1, "d", 1.5))));
        assertThat(readBack(engine, "d", 1)).isEqualTo(1.5);
    }

    @Test
    void ormFollowsTheSameRule(Engine engine, TestDatabase db) throws Exception {
        Registry registry = Registry.of(Measurement.class);
        registry.metadata().createAll(engine);
        SessionMaker sessions = SessionMaker.of(engine, registry);
        for (int i = 0; i < NON_FINITE.length; i++) {
            Measurement m = new Measurement();
            m.id = i + 1;
            m.reading = NON_FINITE[i];
            try (Session session = sessions.open()) {
                session.add(m);
                if (stores(db, "d", m.reading)) {
                    session.commit();
                } else {
                    assertThatThrownBy(session::commit).isInstanceOf(DataError.class)
                            .hasMessageContaining("for column 'reading'");
                }
            }
        }
        try (Session session = sessions.open()) {
            List<Measurement> stored = session.scalars(dev.athanor.Sql.select(Measurement.class)).all();
            assertThat(stored).hasSize(db == TestDatabase.MARIADB ? 0 : 3);
            for (Measurement m : stored) {
                assertThat(Double.compare(m.reading, NON_FINITE[m.id - 1])).isZero();
            }
        }
    }
}
