package dev.athanor.impl.routing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * Asks one replica whether it answers and how far its replay lags, over a connection of its own (not from the
 * replica's pool, so that a busy pool never delays the verdict and a dead pool never hides a live server).
 *
 * <p>PostgreSQL: the lag is {@code clock_timestamp() - pg_last_xact_replay_timestamp()} while WAL is received but
 * not yet replayed; a standby that has replayed everything it received lags 0 even when the primary has been idle
 * for long (the plain timestamp difference would call an idle pair "lagging"). A server that is not in recovery
 * (not a standby) lags 0. Other databases: a {@code SELECT 1} answers reachability only.
 */
final class HealthProbe implements AutoCloseable {
    static final String POSTGRESQL_LAG = "SELECT CASE WHEN NOT pg_is_in_recovery() THEN 0"
            + " WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0"
            + " ELSE COALESCE((EXTRACT(EPOCH FROM clock_timestamp() - pg_last_xact_replay_timestamp()) * 1000)::bigint, 0)"
            + " END";

    private final String jdbcUrl;
    private final Properties properties;
    private final String query;
    private final int timeoutSeconds;
    private Connection connection;

    HealthProbe(String jdbcUrl, Properties properties, String dialect, int timeoutSeconds) {
        this.jdbcUrl = jdbcUrl;
        this.properties = properties;
        this.timeoutSeconds = timeoutSeconds;
        this.query = dialect.equals("postgresql") ? POSTGRESQL_LAG : "SELECT 1";
        if (dialect.equals("postgresql")) {
            properties.setProperty("connectTimeout", String.valueOf(timeoutSeconds));
            properties.setProperty("socketTimeout", String.valueOf(timeoutSeconds + 1));
            properties.setProperty("ApplicationName", "athanor-replica-health");
        }
    }

    /** The replay lag in milliseconds; throws when the replica cannot be reached or does not answer in time. */
    long lagMillis() throws SQLException {
        try {
            if (connection == null) {
                connection = DriverManager.getConnection(jdbcUrl, properties);
                connection.setAutoCommit(true);
            }
            try (Statement statement = connection.createStatement()) {
                statement.setQueryTimeout(timeoutSeconds);
                try (ResultSet rs = statement.executeQuery(query)) {
                    rs.next();
                    return Math.max(0, rs.getLong(1));
                }
            }
        } catch (SQLException | RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    public void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the connection is being dropped because it failed; its close failing says nothing new
            }
            connection = null;
        }
    }
}
