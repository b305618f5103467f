package dev.athanor.testing;


import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Stand-ins for replicas on every test database: other databases of the same server ({@code <test db>_replica1},
 * ...; H2: other in-memory databases). They do not replicate, which is the point: each holds different rows, so a
 * read tells which server ran it. Real streaming replicas: {@code dev.athanor.impl.routing.StreamingReplicaTest}.
 */
public final class SiblingDatabases {
    private SiblingDatabases() {
    }

    public static String url(TestDatabase db, int n) {
        if (db == TestDatabase.H2) {
            return "jdbc:h2:mem:athanor_replica" + n + ";DB_CLOSE_DELAY=-1";
        }
        String url = db.jdbcUrl();
        int slash = url.lastIndexOf('/');
        String rest = url.substring(slash + 1);
        int options = rest.replaceAll("[?;].*", "").length();
        return url.substring(0, slash + 1) + rest.substring(0, options) + "_replica" + n + rest.substring(options);
    }

    /** Creates sibling {@code n} if needed and gives it a fresh {@code whoami} table holding {@code name}. */
    public static String prepare(TestDatabase db, int n, String name) throws SQLException {
        String url = url(db, n);
        if (db != TestDatabase.H2) {
            String database = url.substring(url.lastIndexOf('/') + 1).replaceAll("[?;].*", "");
            String server = db == TestDatabase.POSTGRESQL ? url.substring(0, url.lastIndexOf('/') + 1) + "postgres"
                    : url.substring(0, url.lastIndexOf('/') + 1);
            try (Connection admin = DriverManager.getConnection(server, db.user(), db.password());
                    Statement st = admin.createStatement()) {
                if (db == TestDatabase.POSTGRESQL) {
                    if (!st.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'").next()) {
                        st.execute("CREATE DATABASE " + database);
                    }
                } else {
                    st.execute("CREATE DATABASE IF NOT EXISTS " + database);
                }
            }
        }
        try (Connection c = DriverManager.getConnection(url, db.user(), db.password());
                Statement st = c.createStatement()) {
            c.setAutoCommit(true);
            st.execute("DROP TABLE IF EXISTS whoami");
            st.execute("DROP TABLE IF EXISTS routing_notes");
            st.execute("CREATE TABLE whoami (name VARCHAR(40))");
            st.execute("INSERT INTO whoami VALUES ('" + name + "')");
            st.execute("CREATE TABLE routing_notes (id INTEGER PRIMARY KEY, text VARCHAR(40))");
            st.execute("INSERT INTO routing_notes VALUES (1, '" + name + "')");
        }
        return url;
    }
}
