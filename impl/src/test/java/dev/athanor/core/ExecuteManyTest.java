package dev.athanor.core;

import dev.athanor.ArgumentError;
import dev.athanor.Connection;
import dev.athanor.Engine;
import dev.athanor.IntegrityError;
import dev.athanor.Result;
import dev.athanor.StatementEvent;
import dev.athanor.TextClause;
import dev.athanor.testing.DatabaseTest;
import dev.athanor.testing.StatementRecorder;
import dev.athanor.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static dev.athanor.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** executemany: a list of parameter maps sent as one JDBC batch, checked in full before anything is sent. */
@DatabaseTest
class ExecuteManyTest {

    private static final String INSERT = "INSERT INTO points (id, x, label) VALUES (:id, :x, :label)";

    @BeforeEach
    void table(Engine engine) {
        engine.begin(conn -> conn.execute(text("CREATE TABLE points (id int primary key, x bigint, "
                + "label varchar(20), price numeric(8, 2))")));
    }

    private static Map<String, Object> params(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static List<Map<String, Object>> rows(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(i -> params("id", i, "x", (long) i * i, "label", "p" + i)).toList();
    }

    private static void insertThree(Engine engine) {
        engine.begin(conn -> conn.execute(text(INSERT), rows(1, 3)));
    }

    @Test
    void aThousandRowsGoOutAsOneBatch(Engine engine, TestDatabase db) throws Exception {
        try (StatementRecorder sql = StatementRecorder.on(engine); Connection conn = engine.connect()) {
            Result result = conn.execute(text(INSERT), rows(1, 1000));
            assertThat(sql.count()).isEqualTo(1);
            StatementEvent event = sql.events().get(0);
            assertThat(event.batchSize()).isEqualTo(1000);
            assertThat(event.error()).isNull();
            assertThat(event.sql()).isEqualTo("INSERT INTO points (id, x, label) VALUES (?, ?, ?)");
            assertThat(result.rowcount()).isIn(1000L, -1L);
            assertThat(result.returnsRows()).isFalse();
            conn.commit();
        }
        assertThat(db.countRows("points")).isEqualTo(1000);
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute(text("SELECT sum(x) FROM points")).scalarOne(Long.class))
                    .isEqualTo(IntStream.rangeClosed(1, 1000).mapToLong(i -> (long) i * i).sum());
            assertThat(conn.execute(text("SELECT label FROM points WHERE id = 777")).scalarOne()).isEqualTo("p777");
        }
    }

    @Test
    void anUpdateExecutemanyCountsTheRowsItChanged(Engine engine) {
        insertThree(engine);
        try (StatementRecorder sql = StatementRecorder.on(engine); Connection conn = engine.connect()) {
            Result result = conn.execute(text("UPDATE points SET label = :label WHERE id = :id"),
                    List.of(params("id", 1, "label", "one"), params("id", 2, "label", "two"),
                            params("id", 3, "label", "three"), params("id", 99, "label", "none")));
            assertThat(result.rowcount()).isIn(3L, -1L);
            assertThat(sql.count()).isEqualTo(1);
            assertThat(sql.events().get(0).batchSize()).isEqualTo(4);
            conn.commit();
            assertThat(conn.execute(text("SELECT label FROM points ORDER BY id")).scalars(String.class).all())
                    .containsExactly("one", "two", "three");
        }
    }

    @Test
    void aDeleteExecutemany(Engine engine, TestDatabase db) throws Exception {
        insertThree(engine);
        try (Connection conn = engine.connect()) {
            Result result = conn.execute(text("DELETE FROM points WHERE id = :id"),
                    List.of(params("id", 1), params("id", 3)));
            assertThat(result.rowcount()).isIn(2L, -1L);
            conn.commit();
        }
        assertThat(db.countRows("points")).isEqualTo(1);
    }

    @Test
    void aListValueIsAnArgumentErrorAndNothingIsSent(Engine engine, TestDatabase db) throws Exception {
        try (StatementRecorder sql = StatementRecorder.on(engine); Connection conn = engine.connect()) {
            assertThatThrownBy(() -> conn.execute(text(INSERT),
                    List.of(params("id", 1, "x", 1L, "label", "a"), params("id", 2, "x", List.of(1, 2), "label", "b"))))
                    .isInstanceOf(ArgumentError.class)
                    .hasMessageContaining("parameter set 1")
                    .hasMessageContaining("'x'");
            assertThat(sql.count()).isZero();
            assertThat(conn.inTransaction()).isFalse();
        }
        assertThat(db.countRows("points")).isZero();
    }

    @Test
    void aBadThirdParameterSetIsAnArgumentErrorAndNothingIsInserted(Engine engine, TestDatabase db) throws Exception {
        try (StatementRecorder sql = StatementRecorder.on(engine); Connection conn = engine.connect()) {
            List<Map<String, Object>> sets = new ArrayList<>(rows(1, 2));
            sets.add(params("id", 3, "x", 9L));   // no label
            sets.addAll(rows(4, 5));
            assertThatThrownBy(() -> conn.execute(text(INSERT), sets))
                    .isInstanceOf(ArgumentError.class)
                    .hasMessageContaining("parameter set 2")
                    .hasMessageContaining("'label'");
            assertThatThrownBy(() -> conn.execute(text(INSERT),
                    List.of(params("id", 1, "x", 1L, "label", "a"), params("id", 2, "x", 2L, "label", "b", "extra", 0))))
                    .isInstanceOf(ArgumentError.class)
                    .hasMessageContaining("parameter set 1")
                    .hasMessageContaining("'extra'");
            assertThat(sql.count()).isZero();
            conn.commit();
        }
        assertThat(db.countRows("points")).isZero();
    }

    @Test
    void aUniqueViolationIsAnIntegrityErrorAndRollbackLeavesTheTableUnchanged(Engine engine, TestDatabase db)
            throws Exception {
        insertThree(engine);
        try (Connection conn = engine.connect()) {
            List<Map<String, Object>> sets = new ArrayList<>(rows(4, 6));
            sets.add(params("id", 2, "x", 0L, "label", "dup"));   // id 2 exists
            sets.addAll(rows(7, 8));
            assertThatThrownBy(() -> conn.execute(text(INSERT), sets))
                    .isInstanceOf(IntegrityError.class)
                    .hasMessageContaining("INSERT INTO points")
                    .satisfies(e -> assertThat(((IntegrityError) e).sqlState()).startsWith("23"));
            conn.rollback();
            assertThat(conn.execute(text("SELECT id FROM points ORDER BY id")).scalars(Integer.class).all())
                    .containsExactly(1, 2, 3);
            assertThat(conn.execute(text("SELECT label FROM points WHERE id = 2")).scalarOne()).isEqualTo("p2");
        }
        assertThat(db.countRows("points")).isEqualTo(3);
    }

    @Test
    void nullsAndMixedNumberTypesInOneBatch(Engine engine) {
        List<Map<String, Object>> sets = new ArrayList<>();
        sets.add(params("id", 1, "x", 10L, "label", "a"));
        sets.add(params("id", 2, "x", null, "label", null));
        sets.add(params("id", 3, "x", 30, "label", "c"));         // an Integer where the others have a Long
        sets.add(params("id", 4L, "x", 40L, "label", "d"));
        engine.begin(conn -> conn.execute(text(INSERT), sets));
        try (Connection conn = engine.connect()) {
            List<List<Object>> read = conn.execute(text("SELECT id, x, label FROM points ORDER BY id")).all().stream()
                    .map(r -> List.<Object>of(r.get(0, Integer.class), String.valueOf(r.get(1, Long.class)),
                            String.valueOf(r.get(2))))
                    .toList();
            assertThat(read).containsExactly(List.of(1, "10", "a"), List.of(2, "null", "null"),
                    List.of(3, "30", "c"), List.of(4, "40", "d"));
        }
    }

    @Test
    void boundValuesServeEveryParameterSet(Engine engine) {
        TextClause insert = text("INSERT INTO points (id, x, label, price) VALUES (:id, :x, :label, :price)")
                .bindParams(Map.of("label", "default", "price", new BigDecimal("9.99")));
        engine.begin(conn -> conn.execute(insert, List.of(params("id", 1, "x", 1L), params("id", 2, "x", 2L, "label", "own"))));
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute(text("SELECT label FROM points ORDER BY id")).scalars(String.class).all())
                    .containsExactly("default", "own");
            assertThat(conn.execute(text("SELECT price FROM points WHERE id = 2")).scalarOne(BigDecimal.class))
                    .isEqualByComparingTo("9.99");
        }
    }

    @Test
    void oneParameterSetIsAPlainExecution(Engine engine, TestDatabase db) throws Exception {
        try (StatementRecorder sql = StatementRecorder.on(engine); Connection conn = engine.connect()) {
            Result result = conn.execute(text(INSERT), List.of(params("id", 1, "x", 1L, "label", "solo")));
            assertThat(result.rowcount()).isEqualTo(1);
            assertThat(sql.events()).extracting(StatementEvent::batchSize).containsExactly(1);
            conn.commit();
        }
        assertThat(db.countRows("points")).isEqualTo(1);
    }

    @Test
    void anExecutemanyRunsInTheConnectionsTransaction(Engine engine, TestDatabase db) throws Exception {
        try (Connection conn = engine.connect()) {
            conn.execute(text(INSERT), rows(1, 10));
            assertThat(conn.inTransaction()).isTrue();
            assertThat(conn.execute(text("SELECT count(*) FROM points")).scalarOne(Long.class)).isEqualTo(10L);
        }   // closed without commit
        assertThat(db.countRows("points")).isZero();
    }
}
