package dev.athanor.impl.dialect;

import dev.athanor.Connection;
import dev.athanor.Engine;
import dev.athanor.Row;
import dev.athanor.testing.DatabaseTest;
import dev.athanor.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.athanor.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;

/** Each dialect's DDL type names are valid on its database, and values of each type survive a round trip. */
@DatabaseTest
class DialectTest {

    private static Dialect dialectOf(TestDatabase db) {
        return Dialects.forName(db.name().toLowerCase());
    }

    @Test
    void quotesOnlyWhatNeedsQuoting(TestDatabase db) {
        Dialect dialect = dialectOf(db);
        char q = db == TestDatabase.MARIADB ? '`' : '"';
        assertThat(dialect.quoteIdentifier("users")).isEqualTo("users");
        assertThat(dialect.quoteIdentifier("time_created")).isEqualTo("time_created");
        // H2 folds unquoted names to upper case: a reserved lower-case name is sent in that case (issue 15)
        String order = db == TestDatabase.H2 ? "ORDER" : "order";
        String user = db == TestDatabase.H2 ? "USER" : "user";
        assertThat(dialect.quoteIdentifier("order")).isEqualTo(q + order + q);
        assertThat(dialect.quoteIdentifier("user")).isEqualTo(q + user + q);
        assertThat(dialect.quoteIdentifier("MixedCase")).isEqualTo(q + "MixedCase" + q);
        assertThat(dialect.quoteIdentifier("has space")).isEqualTo(q + "has space" + q);
        assertThat(dialect.quoteIdentifier("x" + q + "y")).isEqualTo(q + "x" + q + q + "y" + q);
    }

    @Test
    void quotedReservedNamesWorkOnTheDatabase(Engine engine, TestDatabase db) {
        Dialect d = dialectOf(db);
        String table = d.quoteIdentifier("order");
        String column = d.quoteIdentifier("select");
        engine.begin(conn -> {
            conn.execute(text("CREATE TABLE " + table + " (" + column + " int, " + d.quoteIdentifier("Weird Name") + " int)"));
            conn.execute(text("INSERT INTO " + table + " VALUES (1, 2)"));
        });
        Row row = engine.inTransaction(conn -> conn.execute(text("SELECT * FROM " + table)).one());
        assertThat(row.get("select", Integer.class)).isEqualTo(1);
        assertThat(row.get("Weird Name", Integer.class)).isEqualTo(2);
    }

    @Test
    void everyGenericTypeRoundTrips(Engine engine, TestDatabase db) {
        Dialect d = dialectOf(db);
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, String> types = new LinkedHashMap<>();
        add(types, values, d, TypeKind.SMALLINT, null, null, null, (short) 7);
        add(types, values, d, TypeKind.INTEGER, null, null, null, 70_000);
        add(types, values, d, TypeKind.BIGINT, null, null, null, 7_000_000_000L);
        add(types, values, d, TypeKind.BOOLEAN, null, null, null, true);
        add(types, values, d, TypeKind.VARCHAR, 20, null, null, "twenty chars at most");
        add(types, values, d, TypeKind.TEXT, null, null, null, "long ".repeat(2000));
        add(types, values, d, TypeKind.NUMERIC, null, 12, 3, new BigDecimal("123456789.125"));
        add(types, values, d, TypeKind.REAL, null, null, null, 1.5f);
        add(types, values, d, TypeKind.DOUBLE, null, null, null, 2.25d);
        add(types, values, d, TypeKind.DATE, null, null, null, LocalDate.of(2024, 2, 29));
        add(types, values, d, TypeKind.TIME, null, null, null, LocalTime.of(13, 14, 15));
        add(types, values, d, TypeKind.TIMESTAMP, null, null, null, LocalDateTime.of(2024, 2, 29, 13, 14, 15, 123_000_000));
        add(types, values, d, TypeKind.TIMESTAMP_WITH_TIME_ZONE, null, null, null,
                OffsetDateTime.of(2024, 2, 29, 13, 14, 15, 0, ZoneOffset.ofHours(2)));
        add(types, values, d, TypeKind.UUID, null, null, null, UUID.fromString("123e4567-e89b-12d3-a456-426614174000"));
        add(types, values, d, TypeKind.JSON, null, null, null, "{\"tags\": [\"a\", \"b\"]}");
        add(types, values, d, TypeKind.BINARY, 16, null, null, new byte[] {1, 2, 3, (byte) 0xff});
        add(types, values, d, TypeKind.BLOB, null, null, null, new byte[] {9, 8, 7});

        List<String> columns = new ArrayList<>();
        types.forEach((name, type) -> columns.add(name + " " + type));
        try (Connection conn = engine.connect()) {
            conn.execute(text("CREATE TABLE typed (" + String.join(", ", columns) + ")"));
            String names = String.join(", ", values.keySet());
            String binds = String.join(", ", values.keySet().stream()
                    .map(name -> name.equals("c_json") ? d.jsonBindExpression().replace("?", ":c_json") : ":" + name)
                    .toList());
            conn.execute(text("INSERT INTO typed (" + names + ") VALUES (" + binds + ")"), values);
            conn.commit();
            Row row = conn.execute(text("SELECT " + names + " FROM typed")).one();
            assertThat(row.get("c_smallint", Short.class)).isEqualTo((short) 7);
            assertThat(row.get("c_integer", Integer.class)).isEqualTo(70_000);
            assertThat(row.get("c_bigint", Long.class)).isEqualTo(7_000_000_000L);
            assertThat(row.get("c_boolean", Boolean.class)).isTrue();
            assertThat(row.get("c_varchar")).isEqualTo("twenty chars at most");
            assertThat(row.get("c_text")).isEqualTo("long ".repeat(2000));
            assertThat(row.get("c_numeric", BigDecimal.class)).isEqualByComparingTo("123456789.125");
            assertThat(row.get("c_real", Float.class)).isEqualTo(1.5f);
            assertThat(row.get("c_double", Double.class)).isEqualTo(2.25d);
            assertThat(row.get("c_date")).isEqualTo(LocalDate.of(2024, 2, 29));
            assertThat(row.get("c_time")).isEqualTo(LocalTime.of(13, 14, 15));
            assertThat(row.get("c_timestamp")).isEqualTo(LocalDateTime.of(2024, 2, 29, 13, 14, 15, 123_000_000));
            assertThat(row.get("c_timestamp_with_time_zone", OffsetDateTime.class).toInstant())
                    .isEqualTo(OffsetDateTime.of(2024, 2, 29, 13, 14, 15, 0, ZoneOffset.ofHours(2)).toInstant());
            assertThat(row.get("c_uuid", UUID.class)).isEqualTo(UUID.fromString("123e4567-e89b-12d3-a456-426614174000"));
            assertThat(row.get("c_json", String.class).replace(" ", "")).isEqualTo("{\"tags\":[\"a\",\"b\"]}");
            assertThat(row.get("c_binary", byte[].class)).startsWith(1, 2, 3, (byte) 0xff);
            assertThat(row.get("c_blob", byte[].class)).containsExactly(9, 8, 7);
        }
    }

    private static void add(Map<String, String> types, Map<String, Object> values, Dialect d, TypeKind kind,
            Integer length, Integer precision, Integer scale, Object value) {
        String name = "c_" + kind.name().toLowerCase();
        types.put(name, d.ddlType(kind, length, precision, scale));
        values.put(name, value);
    }
}
