package dev.athanor.impl.engine;

import dev.athanor.Engine;
import dev.athanor.EngineOptions;
import dev.athanor.impl.pool.ConnectionPool;
import dev.athanor.impl.pool.XaDataSources;
import io.agroal.api.transaction.TransactionIntegration;

import javax.sql.DataSource;
import java.util.Objects;

/**
 * Engines whose connections take part in a container's transactions, for the CDI extension: the rest of the engine
 * (dialect, compiler, events, echo) is the ordinary one.
 *
 * <pre>{@code
 * Engine engine = ManagedEngines.pooled(options, new NarayanaTransactionIntegration(tm, tsr), transactions);
 * }</pre>
 */
public final class ManagedEngines {
    private ManagedEngines() {
    }

    /**
     * An engine with its own Agroal pool, configured from {@code options} as {@code Engine.create} would, whose
     * connections are enlisted in the active JTA transaction through {@code integration}.
     */
    public static Engine pooled(EngineOptions options, TransactionIntegration integration,
            ManagedTransactions transactions) {
        Objects.requireNonNull(integration, "integration");
        return new EngineImpl(options, (opts, dialect, jdbcUrl, user, password, display) ->
                ConnectionPool.start(opts, dialect, jdbcUrl, user, password, display, integration), transactions);
    }

    /**
     * As {@link #pooled}, over the driver's {@code XADataSource} (see {@link dev.athanor.impl.pool.XaDataSources}):
     * {@code integration} enlists each connection's own {@code XAResource}, so several databases can take part in one
     * transaction with two-phase commit. See {@link dev.athanor.impl.xa.XaEngines}.
     */
    public static Engine pooledXa(EngineOptions options, TransactionIntegration integration,
            ManagedTransactions transactions) {
        Objects.requireNonNull(integration, "integration");
        return new EngineImpl(options, (opts, dialect, jdbcUrl, user, password, display) ->
                ConnectionPool.start(opts, dialect, jdbcUrl, user, password, display, integration,
                        XaDataSources.forDialect(dialect)), transactions);
    }

    /**
     * An engine over a DataSource that the application server pools and enlists (found by JNDI): Athanor builds no
     * pool. {@code options.url()} only chooses the dialect; the pool settings of {@code options} are not used.
     */
    public static Engine overDataSource(EngineOptions options, DataSource dataSource, ManagedTransactions transactions) {
        Objects.requireNonNull(dataSource, "dataSource");
        return new EngineImpl(options, (opts, dialect, jdbcUrl, user, password, display) ->
                ConnectionPool.overDataSource(dataSource), transactions);
    }
}
