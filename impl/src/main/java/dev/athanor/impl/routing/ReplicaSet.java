package dev.athanor.impl.routing;

import dev.athanor.DatabaseError;
import dev.athanor.EngineOptions;
import dev.athanor.ReplicaOptions;
import dev.athanor.impl.dialect.Dialects;
import dev.athanor.impl.engine.DatabaseUrl;
import dev.athanor.impl.engine.EngineImpl;
import org.jboss.logging.Logger;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The read replicas of one engine: an engine (own Agroal pool) per replica, a round-robin choice among the healthy
 * ones, and a background health check every {@link ReplicaOptions#checkInterval()} on a daemon thread. The first
 * check runs before the engine is handed out, so a replica that is down at start is never tried.
 */
public final class ReplicaSet implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger("dev.athanor.routing");
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final List<Replica> replicas;
    private final List<HealthProbe> probes;
    private final long maxLagMillis;
    private final AtomicInteger next = new AtomicInteger();
    private final ScheduledExecutorService checker;

    private ReplicaSet(List<Replica> replicas, List<HealthProbe> probes, ReplicaOptions options) {
        this.replicas = List.copyOf(replicas);
        this.probes = List.copyOf(probes);
        this.maxLagMillis = options.maxLag().toMillis();
        this.checker = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "athanor-replica-health-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts a pool per replica of {@code primary} and the health check; a replica that is down only starts out of rotation. */
    public static ReplicaSet start(EngineImpl primary, EngineOptions options) {
        ReplicaOptions replicaOptions = options.replicas();
        List<Replica> replicas = new ArrayList<>();
        List<HealthProbe> probes = new ArrayList<>();
        int timeout = (int) Math.max(1, Math.min(5, replicaOptions.checkInterval().toSeconds() * 2));
        List<DatabaseUrl> parsed = new ArrayList<>();
        for (String url : replicaOptions.urls()) { // every URL checked before any pool starts
            DatabaseUrl replica = DatabaseUrl.parse(url);
            if (!replica.dialect().equals(primary.dialectName())) {
                throw new dev.athanor.ArgumentError("replica " + replica.display() + " is a " + replica.dialect()
                        + " database but the primary " + primary.url() + " is " + primary.dialectName()
                        + "; replicas must be copies of the primary");
            }
            parsed.add(replica);
        }
        for (int i = 0; i < parsed.size(); i++) {
            replicas.add(new Replica(EngineImpl.replicaOf(primary, replicaOptions.urls().get(i))));
            probes.add(new HealthProbe(parsed.get(i).jdbcUrl(), probeProperties(options, parsed.get(i)),
                    parsed.get(i).dialect(), timeout));
        }
        ReplicaSet set = new ReplicaSet(replicas, probes, replicaOptions);
        set.checkAll();
        long interval = replicaOptions.checkInterval().toMillis();
        set.checker.scheduleWithFixedDelay(set::checkAll, interval, interval, TimeUnit.MILLISECONDS);
        return set;
    }

    private static Properties probeProperties(EngineOptions options, DatabaseUrl url) {
        Properties properties = new Properties();
        properties.putAll(Dialects.forName(url.dialect()).defaultConnectProperties());
        properties.putAll(options.connectArgs());
        String user = options.user() != null ? options.user() : url.user();
        String password = options.password() != null ? options.password() : url.password();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        return properties;
    }

    /** One round of checks; never throws, so the schedule goes on. */
    void checkAll() {
        for (int i = 0; i < replicas.size(); i++) {
            Replica replica = replicas.get(i);
            try {
                replica.checked(probes.get(i).lagMillis(), maxLagMillis);
            } catch (SQLException | RuntimeException e) {
                replica.down(e.getMessage());
            }
        }
    }

    /** The next healthy replica after the last one handed out, or null when none is healthy. */
    Replica pick() {
        int n = replicas.size();
        int start = Math.floorMod(next.getAndIncrement(), n);
        for (int i = 0; i < n; i++) {
            Replica replica = replicas.get((start + i) % n);
            if (replica.usable()) {
                return replica;
            }
        }
        return null;
    }

    /** The replicas in configuration order, with their last health. */
    public List<Replica> replicas() {
        return replicas;
    }

    /** Runs a round of checks now (tests, and operators who do not want to wait for the next one). */
    public void checkNow() {
        try {
            checker.submit(this::checkAll).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.debugf("replica check failed: %s", e.toString());
        }
    }

    /** Whether {@code error} means the connection to the server is gone (SQLState class 08, or a shutdown). */
    static boolean isConnectionLoss(DatabaseError error) {
        String state = error.sqlState();
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03"));
    }

    @Override
    public void close() {
        checker.shutdownNow();
        try {
            checker.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        probes.forEach(HealthProbe::close);
        replicas.forEach(replica -> replica.engine().dispose());
    }
}
