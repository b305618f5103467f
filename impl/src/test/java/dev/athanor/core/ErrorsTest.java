package dev.athanor.core;

import dev.athanor.Connection;
import dev.athanor.DataError;
import dev.athanor.DatabaseError;
import dev.athanor.Engine;
import dev.athanor.IntegrityError;
import dev.athanor.ProgrammingError;
import dev.athanor.StatementError;
import dev.athanor.TextClause;
import dev.athanor.testing.DatabaseTest;
import dev.athanor.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.athanor.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Driver errors become the DatabaseError subclass their SQLState says, with the SQL and masked parameters in the
 * message; the connection stays usable after a rollback.
 */
@DatabaseTest
class ErrorsTest {

    private static final String INSERT = "INSERT INTO accounts (id, owner) VALUES (:id, :owner)";

    @BeforeEach
    void table(Engine engine) {
        engine.begin(conn -> {
            conn.execute(text("CREATE TABLE accounts (id int primary key, owner varchar(5) not null, "
                    + "password varchar(20), api_token varchar(20))"));
            conn.execute(text("INSERT INTO accounts (id, owner) VALUES (1, 'ada')"));
        });
    }

    private static Map<String, Object> params(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** After rollback() the same connection runs statements again. */
    private static void usableAfterRollback(Connection conn) {
        conn.rollback();
        assertThat(conn.inTransaction()).isFalse();
        assertThat(conn.execute(text("SELECT 1")).scalarOne(Integer.class)).isEqualTo(1);
        assertThat(conn.execute(text("SELECT count(*) FROM accounts")).scalarOne(Long.class)).isEqualTo(1L);
    }

    @Test
    void badSqlIsAProgrammingErrorWithItsSqlStateAndSql(Engine engine) {
        try (Connection conn = engine.connect()) {
            ProgrammingError error = catchThrowableOfType(ProgrammingError.class, () -> conn.execute(text("SELEC 1")));
            assertThat(error).isNotNull();
            assertThat(error.sqlState()).isNotNull().hasSize(5);
            assertThat(error.getMessage()).contains("SELEC 1").contains("[SQL: SELEC 1]")
                    .contains("[SQLState " + error.sqlState() + "]");
            assertThat(error.sql()).isEqualTo("SELEC 1");
            assertThat(error.parameters()).isEmpty();
            assertThat(error.getCause()).isInstanceOf(SQLException.class);
            assertThat(error).isInstanceOf(DatabaseError.class).isInstanceOf(StatementError.class);
            usableAfterRollback(conn);
        }
    }

    @Test
    void anUnknownTableIsAProgrammingError(Engine engine) {
        try (Connection conn = engine.connect()) {
            assertThatThrownBy(() -> conn.execute(text("SELECT * FROM no_such_table WHERE id = :id"), Map.of("id", 1)))
                    .isInstanceOf(ProgrammingError.class)
                    .hasMessageContaining("no_such_table")
                    .hasMessageContaining("[SQL: SELECT * FROM no_such_table WHERE id = :id]")
                    .satisfies(e -> assertThat(((ProgrammingError) e).sqlState()).isNotNull());
            usableAfterRollback(conn);
        }
    }

    @Test
    void aDuplicatePrimaryKeyIsAnIntegrityError(Engine engine, TestDatabase db) throws Exception {
        try (Connection conn = engine.connect()) {
            IntegrityError error = catchThrowableOfType(IntegrityError.class,
                    () -> conn.execute(text(INSERT), params("id", 1, "owner", "bob")));
            assertThat(error).isNotNull();
            assertThat(error.sqlState()).startsWith("23");
            assertThat(error.sql()).isEqualTo(INSERT);
            assertThat(error.getMessage()).contains("[SQL: " + INSERT + "]")
                    .contains("[parameters: {id=1, owner='bob'}]");
            usableAfterRollback(conn);
            conn.execute(text(INSERT), params("id", 2, "owner", "bob"));
            conn.commit();
        }
        assertThat(db.countRows("accounts")).isEqualTo(2);
    }

    @Test
    void aNotNullViolationIsAnIntegrityError(Engine engine) {
        try (Connection conn = engine.connect()) {
            assertThatThrownBy(() -> conn.execute(text(INSERT), params("id", 2, "owner", null)))
                    .isInstanceOf(IntegrityError.class)
                    .hasMessageContaining("owner=null")
                    .satisfies(e -> assertThat(((IntegrityError) e).sqlState()).startsWith("23"));
            usableAfterRollback(conn);
            assertThatThrownBy(() -> conn.execute(text("INSERT INTO accounts (id) VALUES (3)")))
                    .isInstanceOf(IntegrityError.class);
            usableAfterRollback(conn);
        }
    }

    @Test
    void aValueTooLongIsADataError(Engine engine) {
        try (Connection conn = engine.connect()) {
            assertThatThrownBy(() -> conn.execute(text(INSERT), params("id", 2, "owner", "much too long")))
                    .isInstanceOf(DataError.class)
                    .hasMessageContaining("[SQL: " + INSERT + "]")
                    .hasMessageContaining("owner='much too long'")
                    .satisfies(e -> assertThat(((DataError) e).sqlState()).startsWith("22"));
            usableAfterRollback(conn);
        }
    }

    @Test
    void anErrorInsideATransactionLeavesEarlierWorkToTheRollback(Engine engine, TestDatabase db) throws Exception {
        try (Connection conn = engine.connect()) {
            conn.execute(text(INSERT), params("id", 2, "owner", "bob"));
            assertThatThrownBy(() -> conn.execute(text(INSERT), params("id", 2, "owner", "cy")))
                    .isInstanceOf(IntegrityError.class);
            assertThat(conn.inTransaction()).isTrue();
            usableAfterRollback(conn);   // bob was rolled back too
        }
        assertThat(db.countRows("accounts")).isEqualTo(1);
    }

    @Test
    void theMessageShowsTheParametersButMasksSecrets(Engine engine) {
        try (Connection conn = engine.connect()) {
            StatementError error = catchThrowableOfType(StatementError.class, () -> conn.execute(
                    text("INSERT INTO accounts (id, owner, password, api_token) VALUES (:id, :owner, :password, :api_token)"),
                    params("id", 1, "owner", "eve", "password", "hunter2", "api_token", "tok-123")));
            assertThat(error).isInstanceOf(IntegrityError.class);
            assertThat(error.getMessage())
                    .contains("[parameters: {id=1, owner='eve', password=***, api_token=***}]")
                    .doesNotContain("hunter2")
                    .doesNotContain("tok-123");
            assertThat(error.parameters()).isEqualTo("{id=1, owner='eve', password=***, api_token=***}");
            usableAfterRollback(conn);
        }
    }

    @Test
    void longParameterValuesAreCutInTheMessage(Engine engine) {
        String longOwner = "o".repeat(300);
        try (Connection conn = engine.connect()) {
            StatementError error = catchThrowableOfType(StatementError.class,
                    () -> conn.execute(text(INSERT), params("id", 2, "owner", longOwner)));
            assertThat(error).isInstanceOf(DataError.class);
            assertThat(error.getMessage()).contains("(300 chars)").doesNotContain(longOwner);
            usableAfterRollback(conn);
        }
    }

    @Test
    void theMessageShowsValuesBoundWithBindParams(Engine engine) {
        TextClause insert = text(INSERT).bindParams(params("id", 1, "owner", "bob"));
        try (Connection conn = engine.connect()) {
            StatementError error = catchThrowableOfType(StatementError.class, () -> conn.execute(insert));
            assertThat(error).isInstanceOf(IntegrityError.class);
            assertThat(error.getMessage()).contains("id=1").contains("owner='bob'");
            usableAfterRollback(conn);
            StatementError mixed = catchThrowableOfType(StatementError.class,
                    () -> conn.execute(insert, params("owner", "cy")));
            assertThat(mixed.getMessage()).contains("id=1").contains("owner='cy'");
            usableAfterRollback(conn);
        }
    }

    @Test
    void hiddenParametersLeaveEveryValueOutOfTheMessage(TestDatabase db) {
        Engine hidden = db.builder().hideParameters(true).poolSize(1).build();
        try (Connection conn = hidden.connect()) {
            StatementError error = catchThrowableOfType(StatementError.class,
                    () -> conn.execute(text(INSERT), params("id", 1, "owner", "zed")));
            assertThat(error).isInstanceOf(IntegrityError.class);
            assertThat(error.getMessage()).contains("[SQL: " + INSERT + "]").contains("hidden")
                    .doesNotContain("zed").doesNotContain("id=1");
            assertThat(error.parameters()).doesNotContain("zed");
            usableAfterRollback(conn);
            StatementError batch = catchThrowableOfType(StatementError.class, () -> conn.execute(text(INSERT),
                    List.of(params("id", 5, "owner", "yan"), params("id", 1, "owner", "xia"))));
            assertThat(batch).isInstanceOf(IntegrityError.class);
            assertThat(batch.getMessage()).contains("hidden").doesNotContain("yan").doesNotContain("xia");
            usableAfterRollback(conn);
        } finally {
            hidden.dispose();
        }
    }

    @Test
    void aFailedExecutemanyNamesItsSqlAndParameters(Engine engine, TestDatabase db) throws Exception {
        try (Connection conn = engine.connect()) {
            StatementError error = catchThrowableOfType(StatementError.class, () -> conn.execute(text(INSERT),
                    List.of(params("id", 2, "owner", "bob"), params("id", 1, "owner", "dup"), params("id", 3, "owner", "cy"))));
            assertThat(error).isInstanceOf(IntegrityError.class);
            assertThat(((IntegrityError) error).sqlState()).startsWith("23");
            assertThat(error.sql()).isEqualTo(INSERT);
            assertThat(error.getMessage()).contains("[SQL: " + INSERT + "]").contains("owner='dup'");
            usableAfterRollback(conn);
        }
        assertThat(db.countRows("accounts")).isEqualTo(1);
    }

    @Test
    void aLargeFailedExecutemanyShowsOnlyTheFirstParameterSets(Engine engine) {
        List<Map<String, Object>> sets = new java.util.ArrayList<>();
        for (int i = 0; i < 50; i++) {
            sets.add(params("id", 100 + i, "owner", "p" + i));
        }
        sets.add(params("id", 1, "owner", "dup"));
        try (Connection conn = engine.connect()) {
            StatementError error = catchThrowableOfType(StatementError.class, () -> conn.execute(text(INSERT), sets));
            assertThat(error).isInstanceOf(IntegrityError.class);
            assertThat(error.getMessage()).contains("owner='p0'").contains("51 total parameter sets")
                    .doesNotContain("owner='p20'");
            usableAfterRollback(conn);
        }
    }

    @Test
    void anEngineBuiltForTheTestIsDisposedAndLeaksNothing(TestDatabase db) {
        Engine own = db.builder().poolSize(1).build();
        try {
            for (int i = 0; i < 3; i++) {
                try (Connection conn = own.connect()) {
                    assertThatThrownBy(() -> conn.execute(text("SELEC 1"))).isInstanceOf(ProgrammingError.class);
                }   // closed without rollback(): close() rolls back
            }
            assertThat(own.poolStatus().checkedOut()).isZero();
        } finally {
            own.dispose();
        }
    }
}
