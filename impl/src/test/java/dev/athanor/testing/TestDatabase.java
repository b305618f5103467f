package dev.athanor.testing;

import dev.athanor.Engine;
import dev.athanor.EngineBuilder;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The databases the test suites run on, chosen by the system property {@code athanor.test.db} ({@code h2}, the
 * default, {@code postgresql} or {@code mariadb}); the build's {@code all-databases} profile runs the tagged tests
 * once per database. URLs can be overridden with {@code athanor.test.<db>.url}, {@code .user}, {@code .password}.
 *
 * <p>What differs between databases is declared here as capabilities ({@link #canKillBackend()}, ...), so tests
 * say what they need rather than testing names. An unreachable database fails the tests; it is never skipped.
 */
public enum TestDatabase {
    H2("jdbc:h2:mem:athanor_test;DB_CLOSE_DELAY=-1", "sa", "", "h2:mem:athanor_test;DB_CLOSE_DELAY=-1;USER=sa"),
    POSTGRESQL("jdbc:postgresql://127.0.0.1:5432/athanor_test", "postgres", "",
            "postgresql://postgres@127.0.0.1:5432/athanor_test"),
    MARIADB("jdbc:mariadb://127.0.0.1:3306/athanor_test", "root", "",
            "mariadb://root@127.0.0.1:3306/athanor_test");

    private final String defaultUrl;
    private final String defaultUser;
    private final String defaultPassword;
    private final String sqlalchemyUrl;
    private boolean created;

    TestDatabase(String url, String user, String password, String sqlalchemyUrl) {
        this.defaultUrl = url;
        this.defaultUser = user;
        this.defaultPassword = password;
        this.sqlalchemyUrl = sqlalchemyUrl;
    }

    /** The database this test run is for. */
    public static TestDatabase current() {
        String name = System.getProperty("athanor.test.db", "h2").trim().toUpperCase(Locale.ROOT);
        return valueOf(name);
    }

    private String property(String key, String fallback) {
        return System.getProperty("athanor.test." + name().toLowerCase(Locale.ROOT) + "." + key, fallback);
    }

    public String jdbcUrl() {
        return property("url", defaultUrl);
    }

    public String user() {
        return property("user", defaultUser);
    }

    public String password() {
        return property("password", defaultPassword);
    }

    /** The same database as a SQLAlchemy-style URL ({@code postgresql://user@host:port/db}). */
    public String sqlalchemyUrl() {
        String url = jdbcUrl();
        if (url.equals(defaultUrl) || this == H2) {
            return sqlalchemyUrl;
        }
        // an overridden URL (athanor.test.<db>.url): jdbc:postgresql://host:port/db -> postgresql://user@host:port/db
        String rest = url.substring("jdbc:".length());
        int authority = rest.indexOf("://") + 3;
        String credentials = user() + (password().isEmpty() ? "" : ":" + password());
        return rest.substring(0, authority) + credentials + "@" + rest.substring(authority);
    }

    /** An engine builder for this database with the test credentials. */
    public EngineBuilder builder() {
        return Engine.builder(jdbcUrl()).user(user()).password(password());
    }

    /** Whether a test can kill a backend connection from another session (PostgreSQL, MariaDB). */
    public boolean canKillBackend() {
        return this != H2;
    }

    /** SQL that returns the current backend's id (for {@link #killBackend(long)}). */
    public String backendIdQuery() {
        return switch (this) {
            case POSTGRESQL -> "SELECT pg_backend_pid()";
            case MARIADB -> "SELECT CONNECTION_ID()";
            case H2 -> "SELECT SESSION_ID()";
        };
    }

    /** Kills the backend with this id from a separate plain JDBC connection. */
    public void killBackend(long id) throws SQLException {
        try (Connection admin = adminConnection(); Statement st = admin.createStatement()) {
            switch (this) {
                case POSTGRESQL -> st.execute("SELECT pg_terminate_backend(" + id + ")");
                case MARIADB -> st.execute("KILL " + id);
                case H2 -> throw new UnsupportedOperationException("H2 cannot kill a session from outside");
            }
        }
    }

    /** A plain JDBC connection to the test database (not pooled), for setting up and checking. */
    public Connection adminConnection() throws SQLException {
        ensureCreated();
        return DriverManager.getConnection(jdbcUrl(), user(), password());
    }

    /** Creates the test database if it does not exist (PostgreSQL, MariaDB); once per JVM. */
    public synchronized void ensureCreated() throws SQLException {
        if (created || this == H2) {
            created = true;
            return;
        }
        String url = jdbcUrl();
        String database = url.substring(url.lastIndexOf('/') + 1).replaceAll("[?;].*", "");
        String server = this == POSTGRESQL ? url.substring(0, url.lastIndexOf('/') + 1) + "postgres"
                : url.substring(0, url.lastIndexOf('/') + 1);
        try (Connection admin = DriverManager.getConnection(server, user(), password());
                Statement st = admin.createStatement()) {
            if (this == POSTGRESQL) {
                try (ResultSet rs = st.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
                    if (!rs.next()) {
                        st.execute("CREATE DATABASE " + database);
                    }
                }
            } else {
                st.execute("CREATE DATABASE IF NOT EXISTS " + database);
            }
        }
        created = true;
    }

    /** Drops every table (and view) of the test database, so each test starts from an empty schema. */
    public void resetSchema() throws SQLException {
        try (Connection admin = adminConnection(); Statement st = admin.createStatement()) {
            switch (this) {
                case H2 -> st.execute("DROP ALL OBJECTS");
                case POSTGRESQL -> {
                    st.execute("SET lock_timeout = '10s'"); // a leaked transaction fails the test, not hangs it
                    st.execute("DROP SCHEMA IF EXISTS public CASCADE");
                    st.execute("CREATE SCHEMA public");
                }
                case MARIADB -> {
                    st.execute("SET SESSION lock_wait_timeout = 10");
                    List<String> tables = new ArrayList<>();
                    List<String> views = new ArrayList<>();
                    try (ResultSet rs = st.executeQuery("SELECT table_name, table_type FROM information_schema.tables "
                            + "WHERE table_schema = DATABASE()")) {
                        while (rs.next()) {
                            (rs.getString(2).contains("VIEW") ? views : tables).add("`" + rs.getString(1) + "`");
                        }
                    }
                    st.execute("SET FOREIGN_KEY_CHECKS = 0");
                    if (!views.isEmpty()) {
                        st.execute("DROP VIEW IF EXISTS " + String.join(", ", views));
                    }
                    if (!tables.isEmpty()) {
                        st.execute("DROP TABLE IF EXISTS " + String.join(", ", tables));
                    }
                    st.execute("SET FOREIGN_KEY_CHECKS = 1");
                }
            }
        }
    }

    /** Counts the rows of a table through plain JDBC, independent of the code under test. */
    public long countRows(String table) throws SQLException {
        try (Connection admin = adminConnection(); Statement st = admin.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
