package dev.athanor.cdi;

import dev.athanor.Connection;
import dev.athanor.Engine;
import dev.athanor.testing.DatabaseTest;
import dev.athanor.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.athanor.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;

/** The extension's class path (api + impl, as a deployment has it) finds the engine and reaches each database. */
@DatabaseTest
class CoreOnExtensionClassPathTest {

    @Test
    void engineFromConfiguredUrlRoundTripsRows(TestDatabase db) throws Exception {
        // The extension will build engines from a configured URL, user and password, exactly like this.
        Engine engine = Engine.builder(db.jdbcUrl()).user(db.user()).password(db.password()).poolSize(1).build();
        try (Connection conn = engine.connect()) {
            conn.execute(text("CREATE TABLE cdi_probe (id int, name varchar(20))"));
            conn.execute(text("INSERT INTO cdi_probe (id, name) VALUES (:id, :name)"),
                    List.of(Map.of("id", 1, "name", "a"), Map.of("id", 2, "name", "b")));
            conn.commit();
            assertThat(conn.execute(text("SELECT name FROM cdi_probe ORDER BY id")).scalars(String.class).all())
                    .containsExactly("a", "b");
        } finally {
            engine.dispose();
        }
        assertThat(db.countRows("cdi_probe")).isEqualTo(2);
        assertThat(engine.getClass().getName()).startsWith("dev.athanor.impl.");
    }
}
