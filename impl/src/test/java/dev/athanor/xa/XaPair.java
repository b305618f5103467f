package dev.athanor.xa;

import dev.athanor.Engine;
import dev.athanor.testing.TestDatabase;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The two databases an XA test spans, by the run's database: PostgreSQL with MariaDB (in both orders of
 * enlistment: the PostgreSQL run enlists PostgreSQL first, the MariaDB run MariaDB first), and two H2 databases on
 * the H2 run.
 *
 * @param first  the database enlisted first
 * @param second the other one
 */
public record XaPair(Side first, Side second) {

    /** One database of the pair: how to build an XA engine on it and how to read it without Athanor. */
    public record Side(String name, String jdbcUrl, String user, String password, TestDatabase kind) {

        public Engine xaEngine(TransactionManager tm, TransactionSynchronizationRegistry tsr) {
            return Engine.builder(jdbcUrl).user(user).password(password).poolSize(2).maxOverflow(2).xa(tm, tsr).build();
        }

        public Connection admin() throws SQLException {
            if (kind != TestDatabase.H2) {
                kind.ensureCreated();
            }
            return DriverManager.getConnection(jdbcUrl, user, password);
        }

        public void execute(String sql) throws SQLException {
            try (Connection c = admin(); Statement st = c.createStatement()) {
                st.execute(sql);
            }
        }

        public long count(String sql) throws SQLException {
            try (Connection c = admin(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        }

        /** How many rows {@code table} holds. */
        public long rows(String table) throws SQLException {
            return count("SELECT count(*) FROM " + table);
        }

        /** The branches this database holds prepared (pg_prepared_xacts, XA RECOVER) for this database's data. */
        public long preparedBranches() throws SQLException {
            return switch (kind) {
                case POSTGRESQL -> count("SELECT count(*) FROM pg_prepared_xacts WHERE database = current_database()");
                case MARIADB -> {
                    try (Connection c = admin(); Statement st = c.createStatement();
                            ResultSet rs = st.executeQuery("XA RECOVER")) {
                        long n = 0;
                        while (rs.next()) {
                            n++;
                        }
                        yield n;
                    }
                }
                case H2 -> count("SELECT count(*) FROM INFORMATION_SCHEMA.IN_DOUBT");
            };
        }

        /** Drops and creates a table {@code name} (id INT primary key, label VARCHAR(40)). */
        public void createTable(String table) throws SQLException {
            execute("DROP TABLE IF EXISTS " + table);
            execute("CREATE TABLE " + table + " (id INT PRIMARY KEY, label VARCHAR(40))");
        }
    }

    public static XaPair forRun() {
        return forRun(TestDatabase.current());
    }

    public static XaPair forRun(TestDatabase run) {
        return switch (run) {
            case POSTGRESQL -> new XaPair(side(TestDatabase.POSTGRESQL), side(TestDatabase.MARIADB));
            case MARIADB -> new XaPair(side(TestDatabase.MARIADB), side(TestDatabase.POSTGRESQL));
            case H2 -> new XaPair(
                    new Side("h2-a", "jdbc:h2:mem:athanor_xa_a;DB_CLOSE_DELAY=-1", "sa", "", TestDatabase.H2),
                    new Side("h2-b", "jdbc:h2:mem:athanor_xa_b;DB_CLOSE_DELAY=-1", "sa", "", TestDatabase.H2));
        };
    }

    private static Side side(TestDatabase db) {
        return new Side(db.name().toLowerCase(java.util.Locale.ROOT), db.jdbcUrl(), db.user(), db.password(), db);
    }
}
