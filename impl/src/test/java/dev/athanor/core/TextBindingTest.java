package dev.athanor.core;

import dev.athanor.ArgumentError;
import dev.athanor.Connection;
import dev.athanor.Engine;
import dev.athanor.Row;
import dev.athanor.testing.DatabaseTest;
import dev.athanor.testing.StatementRecorder;
import dev.athanor.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.athanor.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Text SQL binds on the database: checked before sending, expanded for IN, always bound, typed round trips. */
@DatabaseTest
class TextBindingTest {

    enum Color { RED, GREEN }

    @BeforeEach
    void table(Engine engine) {
        engine.begin(conn -> {
            conn.execute(text("CREATE TABLE t (id int primary key, s varchar(100), n bigint, d numeric(10, 3), "
                    + "b boolean, d_day date, at timestamp, raw " + (binaryType(conn)) + ", color varchar(10))"));
            conn.execute(text("INSERT INTO t (id, s) VALUES (:id, :s)"),
                    List.of(Map.of("id", 1, "s", "one"), Map.of("id", 2, "s", "two"), Map.of("id", 3, "s", "three")));
        });
    }

    private static String binaryType(Connection conn) {
        return switch (conn.engine().dialectName()) {
            case "postgresql" -> "bytea";
            case "mariadb" -> "blob";
            default -> "varbinary(100)";
        };
    }

    @Test
    void missingAndUnknownBindsFailBeforeAnythingIsSent(Engine engine) {
        try (StatementRecorder sql = StatementRecorder.on(engine); Connection conn = engine.connect()) {
            assertThatThrownBy(() -> conn.execute(text("SELECT * FROM t WHERE id = :id AND s = :s"), Map.of("id", 1)))
                    .isInstanceOf(ArgumentError.class).hasMessageContaining("'s'");
            assertThatThrownBy(() -> conn.execute(text("SELECT * FROM t WHERE id = :id"), Map.of("id", 1, "typo", 2)))
                    .isInstanceOf(ArgumentError.class).hasMessageContaining("'typo'");
            assertThatThrownBy(() -> conn.execute(text("INSERT INTO t (id) VALUES (:id)"),
                    List.of(Map.of("id", 10), Map.of("id", 11), Map.of("x", 12))))
                    .isInstanceOf(ArgumentError.class).hasMessageContaining("parameter set 2").hasMessageContaining("'x'");
            assertThat(sql.count()).isZero();
        }
    }

    @Test
    void listsExpandForInAndAnEmptyListMatchesNothing(Engine engine) {
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute(text("SELECT s FROM t WHERE id IN (:ids) ORDER BY id"), Map.of("ids", List.of(1, 3)))
                    .scalars(String.class).all()).containsExactly("one", "three");
            assertThat(conn.execute(text("SELECT s FROM t WHERE id IN (:ids)"), Map.of("ids", List.of())).all()).isEmpty();
            assertThatThrownBy(() -> conn.execute(text("SELECT s FROM t WHERE id IN (:ids)"),
                    List.of(Map.of("ids", List.of(1)), Map.of("ids", List.of(2)))))
                    .isInstanceOf(ArgumentError.class).hasMessageContaining("executemany");
        }
    }

    @Test
    void boundValuesAndExecutionValuesAndRepeats(Engine engine) {
        try (Connection conn = engine.connect()) {
            var stmt = text("SELECT count(*) FROM t WHERE id >= :lo AND id <= :hi AND id <> :lo").bindParams(Map.of("lo", 1, "hi", 3));
            assertThat(conn.execute(stmt).scalarOne(Long.class)).isEqualTo(2L);
            assertThat(conn.execute(stmt, Map.of("lo", 2)).scalarOne(Long.class)).isEqualTo(1L);
        }
    }

    @Test
    void colonsInStringsAndCommentsAreSentAsTheyAre(Engine engine) {
        try (Connection conn = engine.connect()) {
            Row row = conn.execute(text("SELECT ':not_a_bind' AS a, s /* :nor_this */ FROM t WHERE id = :id -- :or_this\n"),
                    Map.of("id", 2)).one();
            assertThat(row.get("a")).isEqualTo(":not_a_bind");
            assertThat(row.get("s")).isEqualTo("two");
        }
    }

    @Test
    void postgresqlCastsAreNotBinds(Engine engine, TestDatabase db) {
        assumeTrue(db == TestDatabase.POSTGRESQL, "needs PostgreSQL's :: cast");
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute(text("SELECT :v::int + 1"), Map.of("v", "41")).scalarOne(Integer.class)).isEqualTo(42);
        }
    }

    @Test
    void injectionTextIsStoredVerbatim(Engine engine, TestDatabase db) throws Exception {
        String evil = "x'); DROP TABLE t; --";
        engine.begin(conn -> conn.execute(text("INSERT INTO t (id, s) VALUES (:id, :s)"), Map.of("id", 9, "s", evil)));
        String stored = engine.inTransaction(conn -> conn.execute(text("SELECT s FROM t WHERE id = 9")).scalarOne(String.class));
        assertThat(stored).isEqualTo(evil);
        assertThat(db.countRows("t")).isEqualTo(4);
    }

    @Test
    void valuesRoundTripWithTheirTypes(Engine engine) {
        Map<String, Object> values = new HashMap<>();
        values.put("id", 7);
        values.put("s", "héllo");
        values.put("n", 9_000_000_000L);
        values.put("d", new BigDecimal("12.345"));
        values.put("b", true);
        values.put("d_day", LocalDate.of(2024, 2, 29));
        values.put("at", LocalDateTime.of(2024, 2, 29, 23, 59, 58));
        values.put("raw", new byte[] {0, 1, (byte) 0xfe});
        values.put("color", Color.GREEN);
        engine.begin(conn -> conn.execute(text("INSERT INTO t (id, s, n, d, b, d_day, at, raw, color) VALUES "
                + "(:id, :s, :n, :d, :b, :d_day, :at, :raw, :color)"), values));
        engine.begin(conn -> conn.execute(text("INSERT INTO t (id, s) VALUES (:id, :s)"), new HashMap<>(Map.of("id", 8)) {
            {
                put("s", null);
            }
        }));
        Row row = engine.inTransaction(conn -> conn.execute(text("SELECT * FROM t WHERE id = 7")).one());
        assertThat(row.get("s")).isEqualTo("héllo");
        assertThat(row.get("n", Long.class)).isEqualTo(9_000_000_000L);
        assertThat(row.get("d", BigDecimal.class)).isEqualByComparingTo("12.345");
        assertThat(row.get("b", Boolean.class)).isTrue();
        assertThat(row.get("d_day")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(row.get("at")).isEqualTo(LocalDateTime.of(2024, 2, 29, 23, 59, 58));
        assertThat(row.get("raw", byte[].class)).containsExactly(0, 1, (byte) 0xfe);
        assertThat(row.get("color", Color.class)).isEqualTo(Color.GREEN);
        Object nothing = engine.inTransaction(conn -> conn.execute(text("SELECT s FROM t WHERE id = 8")).scalar());
        assertThat(nothing).isNull();
    }
}
