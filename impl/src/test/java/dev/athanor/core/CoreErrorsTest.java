package dev.athanor.core;

import dev.athanor.Connection;
import dev.athanor.DataError;
import dev.athanor.Engine;
import dev.athanor.IntegrityError;
import dev.athanor.ProgrammingError;
import dev.athanor.testing.DatabaseTest;
import dev.athanor.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.athanor.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Database errors: the right class by SQLState, SQL and masked parameters in the message, connection still usable. */
@DatabaseTest
class CoreErrorsTest {

    @BeforeEach
    void table(Engine engine) {
        engine.begin(conn -> conn.execute(text("CREATE TABLE accounts (id int primary key, owner varchar(5) not null, "
                + "password varchar(20))")));
    }

    private static void stillUsable(Connection conn) {
        conn.rollback();
        assertThat(conn.execute(text("SELECT count(*) FROM accounts")).scalarOne(Long.class)).isNotNull();
    }

    @Test
    void syntaxErrorIsAProgrammingErrorWithTheSql(Engine engine) {
        try (Connection conn = engine.connect()) {
            assertThatThrownBy(() -> conn.execute(text("SELEC 1")))
                    .isInstanceOf(ProgrammingError.class)
                    .hasMessageContaining("[SQL: SELEC 1]")
                    .satisfies(e -> assertThat(((ProgrammingError) e).sqlState()).hasSize(5));
            stillUsable(conn);
            assertThatThrownBy(() -> conn.execute(text("SELECT * FROM no_such_table")))
                    .isInstanceOf(ProgrammingError.class).hasMessageContaining("no_such_table");
            stillUsable(conn);
        }
    }

    @Test
    void constraintViolationsAreIntegrityErrors(Engine engine, TestDatabase db) throws Exception {
        try (Connection conn = engine.connect()) {
            conn.execute(text("INSERT INTO accounts (id, owner) VALUES (:id, :owner)"), Map.of("id", 1, "owner", "ada"));
            assertThatThrownBy(() -> conn.execute(text("INSERT INTO accounts (id, owner) VALUES (:id, :owner)"),
                    Map.of("id", 1, "owner", "bob")))
                    .isInstanceOf(IntegrityError.class)
                    .hasMessageContaining("id=1")
                    .satisfies(e -> assertThat(((IntegrityError) e).sqlState()).startsWith("23"));
            stillUsable(conn);
            assertThatThrownBy(() -> conn.execute(text("INSERT INTO accounts (id) VALUES (2)")))
                    .isInstanceOf(IntegrityError.class);
            stillUsable(conn);
            conn.execute(text("INSERT INTO accounts (id, owner) VALUES (3, 'eve')"));
            conn.commit();
        }
        assertThat(db.countRows("accounts")).isEqualTo(1);
    }

    @Test
    void valueTooLongIsADataError(Engine engine) {
        try (Connection conn = engine.connect()) {
            assertThatThrownBy(() -> conn.execute(text("INSERT INTO accounts (id, owner) VALUES (:id, :owner)"),
                    Map.of("id", 1, "owner", "much too long")))
                    .isInstanceOf(DataError.class)
                    .satisfies(e -> assertThat(((DataError) e).sqlState()).startsWith("22"));
            stillUsable(conn);
        }
    }

    @Test
    void secretsAreMaskedAndParametersCanBeHidden(Engine engine, TestDatabase db) {
        try (Connection conn = engine.connect()) {
            conn.execute(text("INSERT INTO accounts (id, owner) VALUES (1, 'ada')"));
            assertThatThrownBy(() -> conn.execute(text("INSERT INTO accounts (id, owner, password) VALUES (:id, :o, :password)"),
                    Map.of("id", 1, "o", "x", "password", "hunter2")))
                    .hasMessageContaining("password=***").hasMessageNotContaining("hunter2");
        }
        Engine hidden = db.builder().hideParameters(true).poolSize(1).build();
        try (Connection conn = hidden.connect()) {
            conn.execute(text("INSERT INTO accounts (id, owner) VALUES (1, 'ada')"));
            assertThatThrownBy(() -> conn.execute(text("INSERT INTO accounts (id, owner) VALUES (:id, :owner)"),
                    Map.of("id", 1, "owner", "zed")))
                    .isInstanceOf(IntegrityError.class)
                    .hasMessageContaining("hidden").hasMessageNotContaining("zed");
        } finally {
            hidden.dispose();
        }
    }

    @Test
    void failedExecutemanyNamesTheSqlAndLeavesNothing(Engine engine, TestDatabase db) throws Exception {
        try (Connection conn = engine.connect()) {
            assertThatThrownBy(() -> conn.execute(text("INSERT INTO accounts (id, owner) VALUES (:id, :owner)"),
                    List.of(Map.of("id", 1, "owner", "a"), Map.of("id", 1, "owner", "b"))))
                    .isInstanceOf(IntegrityError.class)
                    .hasMessageContaining("INSERT INTO accounts");
            stillUsable(conn);
        }
        assertThat(db.countRows("accounts")).isZero();
    }
}
