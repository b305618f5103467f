package dev.athanor;

import java.time.Duration;
import java.util.List;

/**
 * The read replicas of an engine and how they are watched, as collected by {@link EngineBuilder#replicas(String...)}.
 * Each replica gets a pool of its own with the engine's pool settings; a background health check runs every
 * {@code checkInterval} and takes a replica out of rotation while it is unreachable or its replay lags more than
 * {@code maxLag} behind the primary (PostgreSQL: 0 while the replica streams and has replayed all the WAL its primary
 * reported, else the age of its last replayed commit, {@code pg_last_xact_replay_timestamp()}).
 *
 * {@snippet :
 * ReplicaOptions replicas = Engine.builder("postgresql://db1/app")
 *         .replicas("postgresql://db2/app", "postgresql://db3/app")
 *         .replicaMaxLag(Duration.ofSeconds(2))
 *         .options().replicas();
 * }
 *
 * @param urls          replica URLs (SQLAlchemy style or JDBC), empty for none
 * @param maxLag        replay lag beyond which a replica is skipped
 * @param checkInterval time between two health checks of each replica
 */
public record ReplicaOptions(List<String> urls, Duration maxLag, Duration checkInterval) {
    /** No replicas. */
    public static final ReplicaOptions NONE = new ReplicaOptions(List.of(), Duration.ofSeconds(5), Duration.ofSeconds(1));

    public ReplicaOptions {
        urls = List.copyOf(urls);
    }
}
