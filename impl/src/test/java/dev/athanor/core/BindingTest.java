package dev.athanor.core;

import dev.athanor.ArgumentError;
import dev.athanor.Connection;
import dev.athanor.Engine;
import dev.athanor.Row;
import dev.athanor.TextClause;
import dev.athanor.testing.DatabaseTest;
import dev.athanor.testing.StatementRecorder;
import dev.athanor.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.athanor.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Text SQL {@code :name} binds on each database: checked before sending, expanded for IN, always bound. */
@DatabaseTest
class BindingTest {

    enum Color { RED, GREEN, BLUE }

    @BeforeEach
    void data(Engine engine) {
        engine.begin(conn -> {
            conn.execute(text("CREATE TABLE users (id int primary key, name varchar(100), age int)"));
            conn.execute(text("INSERT INTO users (id, name, age) VALUES (1, 'ada', 36), (2, 'bob', 1), "
                    + "(3, 'cy', 50), (4, 'di', 36)"));
        });
    }

    private static String binaryType(TestDatabase db) {
        return db == TestDatabase.POSTGRESQL ? "bytea" : "varbinary(100)";
    }

    private static Map<String, Object> params(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    // ------------------------------------------------------------------ checks before sending

    @Test
    void aMissingBindIsAnArgumentErrorAndNothingIsSent(Engine engine) {
        try (StatementRecorder sql = StatementRecorder.on(engine); Connection conn = engine.connect()) {
            assertThatThrownBy(() -> conn.execute(text("SELECT * FROM users WHERE id = :id AND name = :name"),
                    Map.of("id", 1)))
                    .isInstanceOf(ArgumentError.class)
                    .hasMessageContaining("'name'");
            assertThatThrownBy(() -> conn.execute(text("SELECT * FROM users WHERE id = :id")))
                    .isInstanceOf(ArgumentError.class)
                    .hasMessageContaining("'id'");
            assertThatThrownBy(() -> conn.scalar(text("SELECT name FROM users WHERE age > :min_age")))
                    .isInstanceOf(ArgumentError.class)
                    .hasMessageContaining("'min_age'");
            assertThat(sql.count()).isZero();
            assertThat(conn.inTransaction()).isFalse();   // nothing began either
            assertThat(conn.execute(text("SELECT name FROM users WHERE id = :id"), Map.of("id", 1)).scalarOne())
                    .isEqualTo("ada");
            assertThat(sql.count()).isEqualTo(1);
        }
    }

    @Test
    void aNullValueIsAValueNotAMissingBind(Engine engine) {
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute(text("SELECT count(*) FROM users WHERE name = :name"), params("name", null))
                    .scalarOne(Long.class)).isZero();
        }
    }

    @Test
    void anUnknownKeyIsAnArgumentErrorNamingIt(Engine engine) {
        try (StatementRecorder sql = StatementRecorder.on(engine); Connection conn = engine.connect()) {
            assertThatThrownBy(() -> conn.execute(text("SELECT * FROM users WHERE id = :id"),
                    params("id", 1, "idd", 2)))
                    .isInstanceOf(ArgumentError.class)
                    .hasMessageContaining("'idd'")
                    .hasMessageContaining("[id]");
            assertThatThrownBy(() -> conn.execute(text("SELECT 1"), Map.of("x", 1)))
                    .isInstanceOf(ArgumentError.class).hasMessageContaining("'x'");
            assertThat(sql.count()).isZero();
        }
    }

    @Test
    void bindParamsRefusesANameTheTextDoesNotHave() {
        TextClause clause = text("SELECT * FROM users WHERE id = :id");
        assertThatThrownBy(() -> clause.bindParams(Map.of("nope", 1)))
                .isInstanceOf(ArgumentError.class)
                .hasMessageContaining("'nope'")
                .hasMessageContaining("[id]");
        assertThatThrownBy(() -> clause.bindParam("nope", 1)).isInstanceOf(ArgumentError.class);
        assertThat(clause.boundValues()).isEmpty();
    }

    // ------------------------------------------------------------------ where values come from

    @Test
    void boundValuesAreUsedAndExecutionValuesOverrideThem(Engine engine) {
        TextClause byId = text("SELECT name FROM users WHERE id = :id").bindParams(Map.of("id", 1));
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute(byId).scalarOne()).isEqualTo("ada");
            assertThat(conn.execute(byId, Map.of("id", 2)).scalarOne()).isEqualTo("bob");
            assertThat(conn.execute(byId).scalarOne()).isEqualTo("ada");   // the clause is unchanged
            assertThat(byId.boundValues()).containsExactlyEntriesOf(Map.of("id", 1));

            TextClause range = text("SELECT count(*) FROM users WHERE age >= :lo AND age <= :hi").bindParam("lo", 30);
            assertThat(conn.execute(range, Map.of("hi", 40)).scalarOne(Long.class)).isEqualTo(2L);
            assertThat(conn.execute(range, Map.of("lo", 0, "hi", 40)).scalarOne(Long.class)).isEqualTo(3L);
            assertThatThrownBy(() -> conn.execute(range)).isInstanceOf(ArgumentError.class).hasMessageContaining("'hi'");

            TextClause nulled = byId.bindParams(params("id", null));
            assertThat(conn.execute(nulled).scalar()).isNull();
            assertThat(conn.execute(nulled, Map.of("id", 3)).scalar()).isEqualTo("cy");
        }
    }

    @Test
    void aNameUsedTwiceTakesItsValueTwice(Engine engine) {
        try (StatementRecorder sql = StatementRecorder.on(engine); Connection conn = engine.connect()) {
            // id = 1 is ada, age = 1 is bob
            List<String> names = conn.execute(text("SELECT name FROM users WHERE id = :x OR age = :x ORDER BY id"),
                    Map.of("x", 1)).scalars(String.class).all();
            assertThat(names).containsExactly("ada", "bob");
            assertThat(sql.sql()).containsExactly("SELECT name FROM users WHERE id = ? OR age = ? ORDER BY id");
        }
    }

    // ------------------------------------------------------------------ IN lists

    @Test
    void aListValueExpandsForIn(Engine engine) {
        try (StatementRecorder sql = StatementRecorder.on(engine); Connection conn = engine.connect()) {
            List<Row> rows = conn.execute(text("SELECT id, name FROM users WHERE id IN (:ids) ORDER BY id"),
                    Map.of("ids", List.of(1, 3, 4))).all();
            assertThat(rows).extracting(r -> r.get("name")).containsExactly("ada", "cy", "di");
            assertThat(sql.sql()).containsExactly("SELECT id, name FROM users WHERE id IN (?, ?, ?) ORDER BY id");
        }
    }

    @Test
    void bindsAfterAnExpandedListKeepTheirValues(Engine engine) {
        try (Connection conn = engine.connect()) {
            List<String> names = conn.execute(
                    text("SELECT name FROM users WHERE age > :min AND id IN (:ids) AND name <> :not ORDER BY id"),
                    Map.of("min", 10, "ids", List.of(1, 2, 3, 4), "not", "cy")).scalars(String.class).all();
            assertThat(names).containsExactly("ada", "di");
            List<String> fromSet = conn.execute(text("SELECT name FROM users WHERE name IN (:names) ORDER BY name"),
                    Map.of("names", Set.of("bob", "di"))).scalars(String.class).all();
            assertThat(fromSet).containsExactly("bob", "di");
            List<String> twice = conn.execute(text("SELECT name FROM users WHERE id IN (:v) OR age IN (:v) ORDER BY id"),
                    Map.of("v", List.of(1, 3))).scalars(String.class).all();
            assertThat(twice).containsExactly("ada", "bob", "cy");  // id 1, age 1, id 3
            TextClause bound = text("SELECT count(*) FROM users WHERE id IN (:ids)").bindParams(Map.of("ids", List.of(2, 4)));
            assertThat(conn.execute(bound).scalarOne(Long.class)).isEqualTo(2L);
            assertThat(conn.execute(bound, Map.of("ids", List.of(1))).scalarOne(Long.class)).isEqualTo(1L);
        }
    }

    @Test
    void anEmptyListSelectsNothingAndIsValidSql(Engine engine) {
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute(text("SELECT id FROM users WHERE id IN (:ids)"), Map.of("ids", List.of())).all())
                    .isEmpty();
            assertThat(conn.execute(text("SELECT count(*) FROM users WHERE id IN (:ids) OR age = :age"),
                    Map.of("ids", List.of(), "age", 36)).scalarOne(Long.class)).isEqualTo(2L);
        }
    }

    // ------------------------------------------------------------------ what is not a bind

    @Test
    void colonsInStringsQuotedIdentifiersAndCommentsAreSentAsTheyAre(Engine engine) {
        String written = "SELECT ':not_a_bind' AS s, name AS \"n:alias\" /* :nor_this */ FROM users "
                + "WHERE id = :id -- :or_this";
        try (StatementRecorder sql = StatementRecorder.on(engine); Connection conn = engine.connect()) {
            Row row = conn.execute(text(written), Map.of("id", 2)).one();
            assertThat(row.get("s")).isEqualTo(":not_a_bind");
            assertThat(row.get("n:alias")).isEqualTo("bob");
            assertThat(sql.sql()).containsExactly(written.replace(":id", "?"));
        }
    }

    @Test
    void aBackslashEscapedColonIsALiteralColon(Engine engine, TestDatabase db) {
        String written = db == TestDatabase.MARIADB ? "SELECT @athanor_v \\:= 7 AS v" : "SELECT '6'\\:\\:int + 1 AS v";
        try (StatementRecorder sql = StatementRecorder.on(engine); Connection conn = engine.connect()) {
            assertThat(conn.execute(text(written)).scalarOne(Integer.class)).isEqualTo(7);
            assertThat(sql.sql()).containsExactly(written.replace("\\:", ":"));
        }
        assertThat(text("SELECT 1 WHERE x = \\:not_a_bind").bindNames()).isEmpty();
    }

    @Test
    void postgresqlCastsAfterABind(Engine engine, TestDatabase db) {
        assumeTrue(db == TestDatabase.POSTGRESQL, "the :: cast is PostgreSQL syntax");
        try (StatementRecorder sql = StatementRecorder.on(engine); Connection conn = engine.connect()) {
            assertThat(conn.execute(text("SELECT :v::text || 'x'"), Map.of("v", 42)).scalarOne()).isEqualTo("42x");
            assertThat(conn.execute(text("SELECT :v::int + 1"), Map.of("v", "41")).scalarOne(Integer.class)).isEqualTo(42);
            assertThat(conn.execute(text("SELECT name::text FROM users WHERE id = :id::int"), Map.of("id", "3"))
                    .scalarOne()).isEqualTo("cy");
            assertThat(sql.sql()).containsExactly("SELECT ?::text || 'x'", "SELECT ?::int + 1",
                    "SELECT name::text FROM users WHERE id = ?::int");
        }
    }

    // ------------------------------------------------------------------ values are bound, never spliced

    @Test
    void anInjectionAttemptIsStoredVerbatim(Engine engine, TestDatabase db) throws Exception {
        String evil = "x'); DROP TABLE users; --";
        try (StatementRecorder sql = StatementRecorder.on(engine)) {
            engine.begin(conn -> {
                conn.execute(text("INSERT INTO users (id, name) VALUES (:id, :name)"), Map.of("id", 10, "name", evil));
                conn.execute(text("INSERT INTO users (id, name) VALUES (:id, :name)"), Map.of("id", 11, "name", ":id"));
            });
            assertThat(sql.sql()).allSatisfy(s -> assertThat(s).doesNotContain("DROP"));
        }
        assertThat(db.countRows("users")).isEqualTo(6);
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute(text("SELECT name FROM users WHERE id = 10")).scalarOne()).isEqualTo(evil);
            assertThat(conn.execute(text("SELECT id FROM users WHERE name = :name"), Map.of("name", evil))
                    .scalarOne(Integer.class)).isEqualTo(10);
            assertThat(conn.execute(text("SELECT name FROM users WHERE id = 11")).scalarOne()).isEqualTo(":id");
        }
    }

    // ------------------------------------------------------------------ round trips

    private void createValues(Engine engine, TestDatabase db) {
        engine.begin(conn -> conn.execute(text("CREATE TABLE vals (id int primary key, s varchar(100), i int, l bigint, "
                + "d numeric(12, 3), b boolean, d_day date, ts timestamp, raw " + binaryType(db) + ", color varchar(10))")));
    }

    /** Inserts {@code value} into {@code column} with a bind, reads it back, and finds the row by it. */
    private Row roundTrip(Engine engine, String column, Object value) {
        return engine.inTransaction(conn -> {
            conn.execute(text("DELETE FROM vals"));
            conn.execute(text("INSERT INTO vals (id, " + column + ") VALUES (:id, :v)"), params("id", 1, "v", value));
            long found = conn.execute(text("SELECT count(*) FROM vals WHERE " + column + " = :v"), params("v", value))
                    .scalarOne(Long.class);
            assertThat(found).as("rows where %s equals the bound value", column).isEqualTo(1L);
            return conn.execute(text("SELECT * FROM vals WHERE id = 1")).one();
        });
    }

    @Test
    void stringsRoundTrip(Engine engine, TestDatabase db) {
        createValues(engine, db);
        String text = "it's \"quoted\" -- :not a bind /* é ü ✓ */ \\ done";
        assertThat(roundTrip(engine, "s", text).get("s")).isEqualTo(text);
        assertThat(roundTrip(engine, "s", "").get("s", String.class)).isEmpty();
    }

    @Test
    void integersAndLongsRoundTrip(Engine engine, TestDatabase db) {
        createValues(engine, db);
        assertThat(roundTrip(engine, "i", 2_000_000_000).get("i")).isEqualTo(2_000_000_000);
        assertThat(roundTrip(engine, "i", -7).get("i", Integer.class)).isEqualTo(-7);
        assertThat(roundTrip(engine, "l", 9_000_000_000L).get("l")).isEqualTo(9_000_000_000L);
        assertThat(roundTrip(engine, "l", Long.MIN_VALUE).get("l", Long.class)).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void bigDecimalsRoundTrip(Engine engine, TestDatabase db) {
        createValues(engine, db);
        assertThat(roundTrip(engine, "d", new BigDecimal("123456789.125")).get("d")).isEqualTo(new BigDecimal("123456789.125"));
        assertThat(roundTrip(engine, "d", new BigDecimal("-0.001")).get("d", BigDecimal.class))
                .isEqualByComparingTo("-0.001");
    }

    @Test
    void booleansRoundTrip(Engine engine, TestDatabase db) {
        createValues(engine, db);
        assertThat(roundTrip(engine, "b", true).get("b", Boolean.class)).isTrue();
        assertThat(roundTrip(engine, "b", false).get("b", Boolean.class)).isFalse();
        assertThat(roundTrip(engine, "b", Boolean.TRUE).get("b")).isEqualTo(true);
    }

    @Test
    void datesAndTimestampsRoundTrip(Engine engine, TestDatabase db) {
        createValues(engine, db);
        LocalDate leap = LocalDate.of(2024, 2, 29);
        assertThat(roundTrip(engine, "d_day", leap).get("d_day")).isEqualTo(leap);
        assertThat(roundTrip(engine, "d_day", LocalDate.of(1999, 12, 31)).get("d_day", LocalDate.class))
                .isEqualTo(LocalDate.of(1999, 12, 31));
        LocalDateTime at = LocalDateTime.of(2024, 2, 29, 23, 59, 58);
        assertThat(roundTrip(engine, "ts", at).get("ts")).isEqualTo(at);
        assertThat(roundTrip(engine, "ts", LocalDateTime.of(2030, 1, 1, 0, 0)).get("ts", LocalDateTime.class))
                .isEqualTo(LocalDateTime.of(2030, 1, 1, 0, 0));
    }

    @Test
    void bytesRoundTrip(Engine engine, TestDatabase db) {
        createValues(engine, db);
        byte[] bytes = {0, 1, (byte) 0x7f, (byte) 0x80, (byte) 0xfe, (byte) 0xff, '\'', ':'};
        Row row = roundTrip(engine, "raw", bytes);
        assertThat(row.get("raw")).isInstanceOf(byte[].class);
        assertThat(row.get("raw", byte[].class)).containsExactly(bytes);
        assertThat(roundTrip(engine, "raw", new byte[0]).get("raw", byte[].class)).isEmpty();
    }

    @Test
    void enumsAreStoredByName(Engine engine, TestDatabase db) {
        createValues(engine, db);
        Row row = roundTrip(engine, "color", Color.GREEN);
        assertThat(row.get("color")).isEqualTo("GREEN");
        assertThat(row.get("color", Color.class)).isEqualTo(Color.GREEN);
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute(text("SELECT count(*) FROM vals WHERE color IN (:colors)"),
                    Map.of("colors", List.of(Color.RED, Color.GREEN))).scalarOne(Long.class)).isEqualTo(1L);
        }
    }

    @Test
    void nullRoundTripsInEveryColumn(Engine engine, TestDatabase db) {
        createValues(engine, db);
        Map<String, Object> values = new HashMap<>();
        for (String column : List.of("s", "i", "l", "d", "b", "d_day", "ts", "raw", "color")) {
            values.put(column, null);
        }
        values.put("id", 1);
        engine.begin(conn -> conn.execute(text("INSERT INTO vals (id, s, i, l, d, b, d_day, ts, raw, color) VALUES "
                + "(:id, :s, :i, :l, :d, :b, :d_day, :ts, :raw, :color)"), values));
        Row row = engine.inTransaction(conn -> conn.execute(text("SELECT s, i, l, d, b, d_day, ts, raw, color FROM vals")).one());
        assertThat(row.values()).hasSize(9).containsOnlyNulls();
        assertThat(row.get("b", Boolean.class)).isNull();
        assertThat(row.get("d_day", LocalDate.class)).isNull();
    }

    @Test
    void everyTypeInOneStatement(Engine engine, TestDatabase db) {
        createValues(engine, db);
        Map<String, Object> values = new HashMap<>();
        values.put("id", 7);
        values.put("s", "héllo");
        values.put("i", 42);
        values.put("l", 9_000_000_000L);
        values.put("d", new BigDecimal("12.345"));
        values.put("b", true);
        values.put("d_day", LocalDate.of(2024, 2, 29));
        values.put("ts", LocalDateTime.of(2024, 2, 29, 23, 59, 58));
        values.put("raw", new byte[] {1, 2, 3});
        values.put("color", Color.BLUE);
        engine.begin(conn -> conn.execute(text("INSERT INTO vals (id, s, i, l, d, b, d_day, ts, raw, color) VALUES "
                + "(:id, :s, :i, :l, :d, :b, :d_day, :ts, :raw, :color)"), values));
        Row row = engine.inTransaction(conn -> conn.execute(text("SELECT * FROM vals WHERE id = :id"), Map.of("id", 7)).one());
        List<Object> read = new ArrayList<>(row.values());
        read.set(8, row.get("raw", byte[].class).length);
        assertThat(read).containsExactly(7, "héllo", 42, 9_000_000_000L, new BigDecimal("12.345"), true,
                LocalDate.of(2024, 2, 29), LocalDateTime.of(2024, 2, 29, 23, 59, 58), 3, "BLUE");
    }
}
