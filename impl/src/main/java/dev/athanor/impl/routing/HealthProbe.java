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
 * <p>PostgreSQL, one query, nothing written anywhere:
 * <ul>
 * <li>A server that is not in recovery (not a standby) lags 0.
 * <li>A standby whose walreceiver is streaming and that has replayed all the WAL its primary reported having
 *     ({@code pg_last_wal_replay_lsn() >= pg_stat_wal_receiver.latest_end_lsn}) lags 0, however long the primary has
 *     been idle. The receive LSN is no measure of that: when streaming (re)starts it is the start of the WAL segment
 *     streaming restarted from, behind the replay LSN until new WAL arrives, so "received = replayed" is false on a
 *     restarted standby of an idle primary. The primary's WAL end is only known after its first message; before it
 *     (one round trip, or until a keepalive when streaming restarted exactly at the primary's end, e.g. after a WAL
 *     switch on an idle primary) the receive LSN stands in for it, so for that round trip a standby restarted after
 *     a long stop reads as caught up. A role without {@code pg_read_all_stats} sees no
 *     details of the walreceiver (its pid only): then a running walreceiver counts as streaming and the receive LSN
 *     stands in throughout, which reads a standby restarted after a long stop as caught up for the moment its
 *     walreceiver takes to receive again up to its replay point.
 * <li>Otherwise (WAL received but not replayed, e.g. replay paused or slow; or no streaming walreceiver) the lag is
 *     the age of the last replayed commit, {@code clock_timestamp() - pg_last_xact_replay_timestamp()}: all commits up
 *     to that one are there, so the replica's data is at most that old. It is an upper bound: the first commit after
 *     a long idle spell reads, for the moment between its arrival and its replay, as lagging by that spell.
 * <li>No commit replayed since the standby started ({@code pg_last_xact_replay_timestamp()} null) in that case: the lag
 *     is {@link #UNKNOWN}, out of rotation (reading it as 0 would keep a paused standby in rotation for ever).
 * </ul>
 *
 * <p>A standby not connected to its primary (the primary is down or unreachable, or the walreceiver is not started
 * yet just after the standby started) cannot tell an idle primary from one that commits without it. It stays in
 * rotation only while its last replayed commit is younger than the maximum lag, then reads as lagging (or at once,
 * {@link #UNKNOWN}, without a replayed commit). So {@code replicaMaxLag} holds as a bound on staleness when the
 * replication link breaks, at the price that reads marked for replicas go to the primary (and fail with it when it
 * is down) rather than to a copy whose age nothing vouches for. Just after a start this costs the moment until the
 * walreceiver connects. A connection that dies silently keeps its walreceiver "streaming" until
 * {@code wal_receiver_timeout}.
 *
 * <p>Other databases: a {@code SELECT 1} answers reachability only.
 */
final class HealthProbe implements AutoCloseable {
    /** The lag of a standby that is behind but cannot say by how much; above any maximum lag. */
    static final long UNKNOWN = Long.MAX_VALUE;

    static final String POSTGRESQL_LAG = "SELECT CASE WHEN NOT pg_is_in_recovery() THEN 0"
            + " WHEN w.pid IS NOT NULL AND COALESCE(w.status, 'streaming') = 'streaming'"
            + " AND pg_last_wal_replay_lsn() >= COALESCE(w.latest_end_lsn, pg_last_wal_receive_lsn()) THEN 0"
            + " ELSE (EXTRACT(EPOCH FROM clock_timestamp() - pg_last_xact_replay_timestamp()) * 1000)::bigint"
            + " END FROM (SELECT 1) AS probe LEFT JOIN pg_stat_wal_receiver AS w ON true";

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

    /**
     * The replay lag in milliseconds, {@link #UNKNOWN} when behind by an unknown amount; throws when the replica
     * cannot be reached or does not answer in time.
     */
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
                    long lag = rs.getLong(1);
                    return rs.wasNull() ? UNKNOWN : Math.max(0, lag);
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
