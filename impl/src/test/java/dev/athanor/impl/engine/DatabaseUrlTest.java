package dev.athanor.impl.engine;

import dev.athanor.ArgumentError;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SQLAlchemy-style and JDBC URLs to what JDBC needs, passwords masked for display. */
class DatabaseUrlTest {

    @Test
    void sqlalchemyStyleUrls() {
        DatabaseUrl pg = DatabaseUrl.parse("postgresql://u:p%40ss@host:5433/db?sslmode=disable");
        assertThat(pg.jdbcUrl()).isEqualTo("jdbc:postgresql://host:5433/db?sslmode=disable");
        assertThat(pg.user()).isEqualTo("u");
        assertThat(pg.password()).isEqualTo("p@ss");
        assertThat(pg.dialect()).isEqualTo("postgresql");
        assertThat(pg.display()).isEqualTo("postgresql://u:***@host:5433/db?sslmode=disable");
        assertThat(DatabaseUrl.parse("postgresql+psycopg2://h/db").jdbcUrl()).isEqualTo("jdbc:postgresql://h/db");
        assertThat(DatabaseUrl.parse("postgres://h/db").dialect()).isEqualTo("postgresql");
        DatabaseUrl maria = DatabaseUrl.parse("mariadb://root@localhost/test");
        assertThat(maria.jdbcUrl()).isEqualTo("jdbc:mariadb://localhost/test");
        assertThat(maria.user()).isEqualTo("root");
        assertThat(maria.password()).isNull();
        assertThat(DatabaseUrl.parse("mysql+pymysql://u:pw@h:3306/db").jdbcUrl()).isEqualTo("jdbc:mariadb://h:3306/db");
        assertThat(DatabaseUrl.parse("h2:mem:x").jdbcUrl()).isEqualTo("jdbc:h2:mem:x");
        assertThat(DatabaseUrl.parse("h2:file:/tmp/x").jdbcUrl()).isEqualTo("jdbc:h2:file:/tmp/x");
    }

    @Test
    void jdbcUrlsAreKept() {
        assertThat(DatabaseUrl.parse("jdbc:h2:mem:x;MODE=PostgreSQL").jdbcUrl()).isEqualTo("jdbc:h2:mem:x;MODE=PostgreSQL");
        assertThat(DatabaseUrl.parse("jdbc:mysql://h/db").jdbcUrl()).isEqualTo("jdbc:mariadb://h/db");
        assertThat(DatabaseUrl.parse("jdbc:postgresql://h/db?user=a&password=secret").display())
                .isEqualTo("jdbc:postgresql://h/db?user=a&password=***");
    }

    @Test
    void unknownSchemesListTheKnownOnes() {
        assertThatThrownBy(() -> DatabaseUrl.parse("oracle://u:secret@h/db"))
                .isInstanceOf(ArgumentError.class)
                .hasMessageContaining("postgresql://").hasMessageContaining("jdbc:")
                .hasMessageNotContaining("secret");
    }
}
