package dev.athanor.reliability;

import dev.athanor.ArgumentError;
import dev.athanor.Connection;
import dev.athanor.DataError;
import dev.athanor.Engine;
import dev.athanor.StatementError;
import dev.athanor.orm.Registry;
import dev.athanor.orm.Session;
import dev.athanor.orm.SessionMaker;
import dev.athanor.reliability.BadInputCorpus.Case;
import dev.athanor.schema.MetaData;
import dev.athanor.schema.Table;
import dev.athanor.testing.DatabaseTest;
import dev.athanor.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.athanor.Sql.insert;
import static dev.athanor.Sql.text;
import static dev.athanor.schema.Schema.column;
import static dev.athanor.schema.SqlTypes.BIGINT;
import static dev.athanor.schema.SqlTypes.BLOB;
import static dev.athanor.schema.SqlTypes.DATE;
import static dev.athanor.schema.SqlTypes.DOUBLE;
import static dev.athanor.schema.SqlTypes.INTEGER;
import static dev.athanor.schema.SqlTypes.REAL;
import static dev.athanor.schema.SqlTypes.TEXT;
import static dev.athanor.schema.SqlTypes.TIMESTAMP;
import static dev.athanor.schema.SqlTypes.numeric;
import static dev.athanor.schema.SqlTypes.varchar;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bad-input corpus (issue 15) through text binds, the expression language and the ORM: every value is either
 * stored exactly (read back equal) or refused with a DataError or ArgumentError that shows the statement and its
 * parameters (or, when Athanor refuses it before sending, names the parameter); the three ways agree; the
 * connection, the session and the table are intact afterwards, with exactly the stored rows in it. The outcomes
 * are written to {@code target/bad-input-<db>.txt}.
 */
@DatabaseTest
class BadInputCorpusTest {

    enum Way { TEXT, EXPRESSION, ORM }

    /** What became of one value: stored (null error) or refused. */
    record Outcome(Case input, Way way, RuntimeException error) {
        boolean stored() {
            return error == null;
        }
    }

    @Test
    void everyValueIsStoredExactlyOrRefusedClearly(Engine engine, TestDatabase db) throws Exception {
        Table corpus = new MetaData().table("corpus", column("id", INTEGER).primaryKey(), column("s", varchar(100)),
                column("t", TEXT), column("n", numeric(30, 6)), column("d", DOUBLE), column("r", REAL),
                column("i", BIGINT), column("dt", DATE), column("ts", TIMESTAMP), column("b", BLOB));
        corpus.metadata().createAll(engine);
        Registry registry = Registry.of(CorpusRow.class);
        registry.metadata().createAll(engine);
        SessionMaker sessions = SessionMaker.of(engine, registry);

        List<Case> cases = BadInputCorpus.cases();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(100);
        List<Outcome> outcomes = new ArrayList<>();
        int id = 0;
        try (Connection conn = engine.connect(); Session session = sessions.open()) {
            for (Case input : cases) {
                int textId = ++id;
                outcomes.add(attempt(input, Way.TEXT, conn, () -> conn.execute(text("INSERT INTO corpus (id, "
                        + input.column() + ") VALUES (:id, :" + input.column() + ")"),
                        Map.of("id", textId, input.column(), input.value()))));
                check(outcomes.get(outcomes.size() - 1), conn, "corpus", textId);

                int expressionId = ++id;
                Map<String, Object> values = new LinkedHashMap<>();
                values.put("id", expressionId);
                values.put(input.column(), input.value());
                outcomes.add(attempt(input, Way.EXPRESSION, conn, () -> conn.execute(insert(corpus).values(values))));
                check(outcomes.get(outcomes.size() - 1), conn, "corpus", expressionId);

                java.lang.reflect.Field field = CorpusRow.class.getField(input.column());
                if (field.getType().isInstance(input.value())) {
                    int ormId = ++id;
                    CorpusRow row = new CorpusRow();
                    row.id = ormId;
                    field.set(row, input.value());
                    Outcome orm = attemptOrm(input, session, row);
                    outcomes.add(orm);
                    check(orm, conn, "corpus_orm", ormId);
                    if (orm.stored()) {
                        try (Session fresh = sessions.open()) {
                            assertThat(same(input.value(), field.get(fresh.get(CorpusRow.class, ormId))))
                                    .as("ORM load of " + input).isTrue();
                        }
                    }
                }
            }
            assertThat(conn.execute(text("SELECT count(*) FROM corpus")).scalarOne(Long.class))
                    .as("the connection still works; only stored values made rows")
                    .isEqualTo(outcomes.stream().filter(o -> o.way() != Way.ORM && o.stored()).count());
        }
        assertThat(db.countRows("corpus_orm")).isEqualTo(outcomes.stream().filter(o -> o.way() == Way.ORM && o.stored())
                .count());
        report(db, outcomes);
        assertThat(outcomes.stream().map(Outcome::input).distinct().count()).isEqualTo(cases.size());

        for (Case input : cases) {
            List<Outcome> ways = outcomes.stream().filter(o -> o.input() == input).toList();
            assertThat(ways).as("the three ways agree on " + input).allMatch(o -> o.stored() == ways.get(0).stored());
            Boolean expected = expectedStored(db, input);
            if (expected != null) {
                assertThat(ways.get(0).stored()).as(input + " on " + db + " (" + ways.get(0).error() + ")")
                        .isEqualTo(expected);
            }
        }
        assertThat(engine.poolStatus().checkedOut()).isZero();
    }

    private static Outcome attempt(Case input, Way way, Connection conn, Runnable insert) {
        try {
            insert.run();
            conn.commit();
            return new Outcome(input, way, null);
        } catch (DataError | ArgumentError e) {
            conn.rollback();
            return new Outcome(input, way, e);
        }
    }

    private static Outcome attemptOrm(Case input, Session session, CorpusRow row) {
        try {
            session.add(row);
            session.commit();
            return new Outcome(input, Way.ORM, null);
        } catch (DataError | ArgumentError e) {
            session.rollback();
            session.expungeAll();
            return new Outcome(input, Way.ORM, e);
        }
    }

    /** A stored value reads back equal; a refusal is clear; either way the connection works on. */
    private static void check(Outcome outcome, Connection conn, String table, int id) {
        Case input = outcome.input();
        Object stored = conn.execute(text("SELECT " + input.column() + " FROM " + table + " WHERE id = :id"),
                Map.of("id", id)).scalar();
        long rows = conn.execute(text("SELECT count(*) FROM " + table + " WHERE id = :id"), Map.of("id", id))
                .scalarOne(Long.class);
        conn.commit();
        if (outcome.stored()) {
            assertThat(same(input.value(), stored)).as(outcome.way() + " " + input + " read back as "
                    + describe(stored)).isTrue();
            return;
        }
        assertThat(rows).as("no row for a refused value").isZero();
        RuntimeException error = outcome.error();
        if (error instanceof StatementError statement && !error.getMessage().contains("nothing was sent")) {
            assertThat(statement.sql()).as("the error shows the statement").isNotBlank();
            assertThat(statement.parameters()).as("and its parameters").isNotBlank();
        } else {
            assertThat(error.getMessage()).as("a refusal before sending names the parameter")
                    .containsAnyOf("parameter", "'" + input.column() + "'");
        }
    }

    private static String describe(Object value) {
        String text = value instanceof byte[] bytes ? bytes.length + " bytes" : String.valueOf(value);
        return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }

    /** Whether {@code stored} (as read back) is exactly {@code given}. */
    static boolean same(Object given, Object stored) {
        if (given == null || stored == null) {
            return given == stored;
        }
        if (given instanceof byte[] bytes) {
            return stored instanceof byte[] read && Arrays.equals(bytes, read);
        }
        if (given instanceof Float f) {
            float read = ((Number) stored).floatValue();
            return Float.isNaN(f) ? Float.isNaN(read) : read == f;
        }
        if (given instanceof Double d) {
            double read = ((Number) stored).doubleValue();
            return Double.isNaN(d) ? Double.isNaN(read) : read == d;
        }
        if (given instanceof BigDecimal || given instanceof BigInteger) {
            return stored instanceof Number number
                    && new BigDecimal(given.toString()).compareTo(new BigDecimal(number.toString())) == 0;
        }
        if (given instanceof Long l) {
            return stored instanceof Number number && number.longValue() == l && !(stored instanceof Double);
        }
        if (given instanceof LocalDate || given instanceof LocalDateTime || given instanceof String) {
            return given.equals(stored);
        }
        throw new IllegalArgumentException("no comparison for " + given.getClass());
    }

    /**
     * The outcome each database must have (null: either is acceptable), so that a value a database silently
     * changed or dropped cannot pass as stored.
     */
    static Boolean expectedStored(TestDatabase db, Case input) {
        String label = input.label();
        Object value = input.value();
        if ((value instanceof Double || value instanceof Float) && !Double.isFinite(((Number) value).doubleValue())) {
            return switch (db) { // docs/errors.md#non-finite
                case MARIADB -> false;
                case H2 -> !input.column().equals("n");
                case POSTGRESQL -> !input.column().equals("n") || Double.isNaN(((Number) value).doubleValue());
            };
        }
        if (label.startsWith("NUL")) {
            return db != TestDatabase.POSTGRESQL;
        }
        if (label.startsWith("lone") || label.equals("101 characters") || label.startsWith("100,000")
                || label.equals("one digit too many") || label.equals("1E+100") || label.startsWith("10^40")
                || label.startsWith("2^6") || label.startsWith("-2^63")) {
            return false;
        }
        if (label.startsWith("injection") || label.startsWith("emoji") || label.startsWith("musical")
                || label.startsWith("ZWJ") || label.equals("100 characters") || label.startsWith("Long.")
                || label.startsWith("largest") || label.startsWith("smallest") || label.startsWith("date 0001")
                || label.startsWith("date 9999") || label.startsWith("date 1582") || input.column().equals("b")
                || label.startsWith("1,000,000") || label.startsWith("control") || label.startsWith("double")) {
            return true;
        }
        return null;
    }

    private static void report(TestDatabase db, List<Outcome> outcomes) throws Exception {
        StringBuilder text = new StringBuilder();
        for (Outcome o : outcomes) {
            text.append(o.way()).append('\t').append(o.input()).append('\t')
                    .append(o.stored() ? "stored" : "refused: " + o.error().getClass().getSimpleName() + " "
                            + o.error().getMessage().lines().findFirst().orElse("")).append('\n');
        }
        Files.writeString(Path.of("target", "bad-input-" + db.name().toLowerCase() + ".txt"), text);
    }
}
