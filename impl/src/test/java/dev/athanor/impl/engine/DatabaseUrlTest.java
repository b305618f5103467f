package dev.athanor.impl.engine;

import dev.athanor.ArgumentError;
import dev.athanor.Engine;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SQLAlchemy-style and JDBC URLs to what JDBC needs, passwords masked for display. */
class DatabaseUrlTest {

    @Test
    void postgresqlUrlWithUserPasswordPortAndOptions() {
        DatabaseUrl pg = DatabaseUrl.parse("postgresql://u:p%40ss@host:5433/db?sslmode=disable");
        assertThat(pg.jdbcUrl()).isEqualTo("jdbc:postgresql://host:5433/db?sslmode=disable");
        assertThat(pg.user()).isEqualTo("u");
        assertThat(pg.password()).isEqualTo("p@ss");
        assertThat(pg.dialect()).isEqualTo("postgresql");
        assertThat(pg.display()).isEqualTo("postgresql://u:***@host:5433/db?sslmode=disable");
        assertThat(pg.display()).doesNotContain("p%40ss").doesNotContain("p@ss");
        assertThat(pg).hasToString("postgresql://u:***@host:5433/db?sslmode=disable");
    }

    @Test
    void aDriverSuffixOfTheSchemeIsIgnored() {
        DatabaseUrl pg = DatabaseUrl.parse("postgresql+psycopg2://scott:tiger@h:5432/db");
        assertThat(pg.jdbcUrl()).isEqualTo("jdbc:postgresql://h:5432/db");
        assertThat(pg.dialect()).isEqualTo("postgresql");
        assertThat(pg.user()).isEqualTo("scott");
        assertThat(pg.password()).isEqualTo("tiger");
        assertThat(pg.display()).isEqualTo("postgresql+psycopg2://scott:***@h:5432/db");
        assertThat(DatabaseUrl.parse("postgresql+psycopg2://h/db").jdbcUrl()).isEqualTo("jdbc:postgresql://h/db");
    }

    @Test
    void postgresIsAnAliasOfPostgresql() {
        DatabaseUrl pg = DatabaseUrl.parse("postgres://u:pw@h/db");
        assertThat(pg.dialect()).isEqualTo("postgresql");
        assertThat(pg.jdbcUrl()).isEqualTo("jdbc:postgresql://h/db");
        assertThat(pg.user()).isEqualTo("u");
        assertThat(pg.password()).isEqualTo("pw");
    }

    @Test
    void aUrlWithoutUserOrDatabase() {
        DatabaseUrl pg = DatabaseUrl.parse("postgresql://localhost");
        assertThat(pg.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost/");
        assertThat(pg.user()).isNull();
        assertThat(pg.password()).isNull();
        assertThat(pg.display()).isEqualTo("postgresql://localhost");
    }

    @Test
    void mariadbUrlWithAUserAndNoPassword() {
        DatabaseUrl maria = DatabaseUrl.parse("mariadb://root@localhost/test");
        assertThat(maria.jdbcUrl()).isEqualTo("jdbc:mariadb://localhost/test");
        assertThat(maria.dialect()).isEqualTo("mariadb");
        assertThat(maria.user()).isEqualTo("root");
        assertThat(maria.password()).isNull();
        assertThat(maria.display()).isEqualTo("mariadb://root@localhost/test");
    }

    @Test
    void mysqlUrlsGoToTheMariadbDriver() {
        DatabaseUrl mysql = DatabaseUrl.parse("mysql://u:pw@h:3306/db?useSSL=false");
        assertThat(mysql.jdbcUrl()).isEqualTo("jdbc:mariadb://h:3306/db?useSSL=false");
        assertThat(mysql.dialect()).isEqualTo("mariadb");
        assertThat(mysql.user()).isEqualTo("u");
        assertThat(mysql.password()).isEqualTo("pw");
        assertThat(mysql.display()).isEqualTo("mysql://u:***@h:3306/db?useSSL=false");
        assertThat(DatabaseUrl.parse("mysql+pymysql://u:pw@h:3306/db").jdbcUrl()).isEqualTo("jdbc:mariadb://h:3306/db");
    }

    @Test
    void userAndPasswordArePercentDecoded() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://us%3Aer:a%2Fb%3Ac@h/db");
        assertThat(url.user()).isEqualTo("us:er");
        assertThat(url.password()).isEqualTo("a/b:c");
        assertThat(url.display()).doesNotContain("a%2Fb%3Ac");
    }

    @Test
    void ipv6Hosts() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://u:pw@[::1]:5432/db");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://[::1]:5432/db");
        assertThat(url.password()).isEqualTo("pw");
    }

    @Test
    void h2Urls() {
        DatabaseUrl mem = DatabaseUrl.parse("h2:mem:x");
        assertThat(mem.jdbcUrl()).isEqualTo("jdbc:h2:mem:x");
        assertThat(mem.dialect()).isEqualTo("h2");
        assertThat(mem.user()).isNull();
        assertThat(mem.display()).isEqualTo("h2:mem:x");
        DatabaseUrl file = DatabaseUrl.parse("h2:file:/tmp/x");
        assertThat(file.jdbcUrl()).isEqualTo("jdbc:h2:file:/tmp/x");
        assertThat(file.dialect()).isEqualTo("h2");
        assertThat(DatabaseUrl.parse("h2:mem:x;DB_CLOSE_DELAY=-1").jdbcUrl()).isEqualTo("jdbc:h2:mem:x;DB_CLOSE_DELAY=-1");
    }

    @Test
    void jdbcUrlsAreKeptAsTheyAre() {
        DatabaseUrl h2 = DatabaseUrl.parse("jdbc:h2:mem:x");
        assertThat(h2.jdbcUrl()).isEqualTo("jdbc:h2:mem:x");
        assertThat(h2.dialect()).isEqualTo("h2");
        assertThat(DatabaseUrl.parse("jdbc:h2:mem:x;MODE=PostgreSQL").jdbcUrl()).isEqualTo("jdbc:h2:mem:x;MODE=PostgreSQL");
        DatabaseUrl pg = DatabaseUrl.parse("jdbc:postgresql://h:5432/db?ssl=true");
        assertThat(pg.jdbcUrl()).isEqualTo("jdbc:postgresql://h:5432/db?ssl=true");
        assertThat(pg.dialect()).isEqualTo("postgresql");
        assertThat(pg.user()).isNull();
        assertThat(pg.password()).isNull();
        DatabaseUrl maria = DatabaseUrl.parse("jdbc:mariadb://h/db");
        assertThat(maria.jdbcUrl()).isEqualTo("jdbc:mariadb://h/db");
        assertThat(maria.dialect()).isEqualTo("mariadb");
    }

    @Test
    void jdbcMysqlGoesToTheMariadbDriverWhenMysqlsIsAbsent() throws Exception {
        // MySQL Connector/J is not on the test class path
        assertThatThrownBy(() -> Class.forName("com.mysql.cj.jdbc.Driver")).isInstanceOf(ClassNotFoundException.class);
        DatabaseUrl url = DatabaseUrl.parse("jdbc:mysql://h/db");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:mariadb://h/db");
        assertThat(url.dialect()).isEqualTo("mariadb");
    }

    @Test
    void passwordsInJdbcUrlsAreMaskedForDisplay() {
        DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://h/db?password=secret");
        assertThat(url.display()).isEqualTo("jdbc:postgresql://h/db?password=***").doesNotContain("secret");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://h/db?password=secret"); // the driver still needs it
        assertThat(DatabaseUrl.parse("jdbc:postgresql://h/db?user=a&password=secret&ssl=true").display())
                .isEqualTo("jdbc:postgresql://h/db?user=a&password=***&ssl=true");
        assertThat(DatabaseUrl.parse("jdbc:mariadb://h/db?user=a&PASSWORD=secret").display())
                .doesNotContain("secret");
        assertThat(DatabaseUrl.parse("jdbc:h2:mem:x;USER=sa;PASSWORD=secret;MODE=MySQL").display())
                .isEqualTo("jdbc:h2:mem:x;USER=sa;PASSWORD=***;MODE=MySQL");
        assertThat(DatabaseUrl.parse("jdbc:mariadb://u:secret@h/db").display()).doesNotContain("secret");
    }

    @Test
    void anUnknownSchemeIsAnArgumentErrorListingTheKnownOnes() {
        assertThatThrownBy(() -> DatabaseUrl.parse("oracle://x"))
                .isInstanceOf(ArgumentError.class)
                .hasMessageContaining("oracle://x")
                .hasMessageContaining("postgresql://")
                .hasMessageContaining("mariadb://")
                .hasMessageContaining("mysql://")
                .hasMessageContaining("h2:mem:")
                .hasMessageContaining("jdbc:");
        assertThatThrownBy(() -> DatabaseUrl.parse("oracle://u:secret@h/db"))
                .isInstanceOf(ArgumentError.class).hasMessageNotContaining("secret");
        assertThatThrownBy(() -> DatabaseUrl.parse("jdbc:oracle:thin:@h:1521:db"))
                .isInstanceOf(ArgumentError.class).hasMessageContaining("jdbc:");
        assertThatThrownBy(() -> DatabaseUrl.parse("not a url")).isInstanceOf(ArgumentError.class);
    }

    @Test
    void aPasswordWithARawSlashIsNeverShown() {
        // SQLAlchemy's URL pattern takes anything up to the '@' as the password
        DatabaseUrl url = DatabaseUrl.parse("postgresql://u:pa/ss@h/db");
        assertThat(url.password()).isEqualTo("pa/ss");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://h/db");
        assertThat(url.display()).isEqualTo("postgresql://u:***@h/db");
    }

    @Test
    void aRefusedUrlDoesNotShowItsPassword() {
        assertThatThrownBy(() -> DatabaseUrl.parse("oracle://u:pa/ss@h/db"))
                .isInstanceOf(ArgumentError.class)
                .hasMessageNotContaining("pa/ss");
    }

    @Test
    void engineOptionsDoNotShowThePassword() {
        String options = Engine.builder("postgresql://u:secret@127.0.0.1:1/db").options().toString();
        assertThat(options).doesNotContain("secret").contains("u:***@127.0.0.1:1/db");
        assertThat(Engine.builder("jdbc:postgresql://127.0.0.1:1/db?password=secret").options().toString())
                .doesNotContain("secret");
        assertThat(Engine.builder("h2:mem:x").password("secret").options().toString()).doesNotContain("secret");
    }
}
