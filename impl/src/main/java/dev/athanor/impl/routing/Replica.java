package dev.athanor.impl.routing;

import dev.athanor.impl.engine.EngineImpl;
import io.agroal.api.AgroalDataSource;
import org.jboss.logging.Logger;

/**
 * One read replica: its engine (own pool) and the health the checks last saw. State changes are logged once, at the
 * change, in category {@code dev.athanor.routing}.
 */
public final class Replica {
    private static final Logger LOG = Logger.getLogger("dev.athanor.routing");

    /** Why a replica is out of rotation, or {@link #HEALTHY}. */
    public enum Health { HEALTHY, LAGGING, DOWN }

    private final EngineImpl engine;
    private volatile Health health = Health.HEALTHY;
    private volatile long lagMillis;

    Replica(EngineImpl engine) {
        this.engine = engine;
    }

    public EngineImpl engine() {
        return engine;
    }

    public Health health() {
        return health;
    }

    /**
     * The replay lag the last check measured, in milliseconds: 0 when caught up (or not a standby),
     * {@link Long#MAX_VALUE} when behind by an amount the replica cannot tell (see {@code HealthProbe}).
     */
    public long lagMillis() {
        return lagMillis;
    }

    boolean usable() {
        return health == Health.HEALTHY;
    }

    void checked(long lag, long maxLagMillis) {
        lagMillis = lag;
        Health now = lag > maxLagMillis ? Health.LAGGING : Health.HEALTHY;
        Health before = health;
        health = now;
        if (before != now) {
            if (now == Health.LAGGING) {
                LOG.warnf("replica %s lags %s (more than %d ms): reads go elsewhere until it catches up",
                        engine.url(), describeLag(lag), maxLagMillis);
            } else {
                LOG.infof("replica %s is back in rotation (lag %d ms)", engine.url(), lag);
            }
        }
    }

    /** Out of rotation until a check reaches it again; its idle pooled connections are closed now. */
    void down(String cause) {
        Health before = health;
        health = Health.DOWN;
        if (before != Health.DOWN) {
            LOG.warnf("replica %s is down (%s): reads go elsewhere until it answers again", engine.url(), cause);
            try {
                engine.unwrap(AgroalDataSource.class).flush(AgroalDataSource.FlushMode.GRACEFUL);
            } catch (RuntimeException e) {
                LOG.debugf("flushing the pool of %s failed: %s", engine.url(), e.getMessage());
            }
        }
    }

    @Override
    public String toString() {
        return "Replica(" + engine.url() + ", " + health + ", lag " + describeLag(lagMillis) + ")";
    }

    /** A lag as the log and {@link #toString()} say it: milliseconds, or "an unknown time". */
    private static String describeLag(long lag) {
        return lag == HealthProbe.UNKNOWN ? "an unknown time" : lag + " ms";
    }
}
