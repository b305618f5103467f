package dev.athanor.impl.pool;

import dev.athanor.EngineOptions;
import dev.athanor.IsolationLevel;
import dev.athanor.PoolStatus;
import dev.athanor.impl.dialect.Dialect;
import io.agroal.api.AgroalDataSource;
import io.agroal.api.AgroalDataSourceListener;
import io.agroal.api.AgroalDataSourceMetrics;
import io.agroal.api.configuration.AgroalConnectionFactoryConfiguration.TransactionIsolation;
import io.agroal.api.configuration.AgroalConnectionPoolConfiguration.ConnectionValidator;
import io.agroal.api.configuration.AgroalConnectionPoolConfiguration.ExceptionSorter;
import io.agroal.api.configuration.supplier.AgroalConnectionFactoryConfigurationSupplier;
import io.agroal.api.configuration.supplier.AgroalConnectionPoolConfigurationSupplier;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.exceptionsorter.MySQLExceptionSorter;
import io.agroal.api.exceptionsorter.PostgreSQLExceptionSorter;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The engine's pool: an Agroal data source configured from {@link EngineOptions}, the way SQLAlchemy's
 * {@code QueuePool} is configured from {@code create_engine}'s arguments.
 *
 * <ul>
 *   <li>{@code poolSize} is Agroal's {@code minSize} (connections kept open, opened when the pool starts);
 *   {@code poolSize + maxOverflow} is {@code maxSize}. Overflow connections that stay idle for
 *   {@link #OVERFLOW_IDLE} are closed (Agroal's reap), so the pool shrinks back to {@code poolSize}.</li>
 *   <li>{@code poolTimeout} is the acquisition time-out; {@code poolRecycle} the maximum lifetime;
 *   {@code prePing} validates each connection on borrow ({@code isValid}); {@code leakDetection} is Agroal's leak
 *   time-out, reported as a warning naming the holding thread.</li>
 *   <li>Connections are in manual-commit mode (autocommit off), which is what SQLAlchemy's autobegin needs; the
 *   {@code AUTOCOMMIT} isolation level turns autocommit on instead.</li>
 *   <li>A fatal error (lost connection) marks the connection for destruction through the dialect's exception
 *   sorter, so it is not handed out again.</li>
 * </ul>
 */
public final class ConnectionPool implements AutoCloseable {
    /** How long an overflow connection may stay idle before the pool closes it. */
    public static final Duration OVERFLOW_IDLE = Duration.ofSeconds(30);

    private static final Logger LOG = Logger.getLogger("dev.athanor.pool");

    private final javax.sql.DataSource dataSource;
    private final AgroalDataSource agroal; // null over a server's DataSource (see overDataSource)
    private final int minSize;
    private final int maxSize;
    private final Duration acquisitionTimeout;
    /** An XA pool in manual-commit mode: XA drivers hand out autocommit handles outside a branch (see checkout). */
    private boolean xaManualCommit;
    /** Connections Agroal failed to open (its listener counts them): a refill that failed will not come. */
    private final AtomicLong creationFailures = new AtomicLong();
    /**
     * Prepared statements kept per physical connection (0: none). Always 0 over a server's DataSource, see
     * {@link #overDataSource}.
     */
    private int statementCacheSize;
    /** Connections take part in JTA transactions (XA or not): a cache hit makes Agroal's checks, see StatementLease. */
    private boolean jta;
    /** The statement cache of each physical connection (the driver's, under Agroal's wrappers), made on first use. */
    private final Map<Connection, StatementCache> statementCaches = new ConcurrentHashMap<>();

    private ConnectionPool(javax.sql.DataSource dataSource, AgroalDataSource agroal, int minSize, int maxSize,
            Duration acquisitionTimeout) {
        this.dataSource = dataSource;
        this.agroal = agroal;
        this.minSize = minSize;
        this.maxSize = maxSize;
        this.acquisitionTimeout = acquisitionTimeout;
    }

    /**
     * Connections from a DataSource that someone else pools (an application server's JTA DataSource, found by JNDI):
     * Athanor builds no pool, {@link #status()} reports zeros and {@link #close()} leaves the DataSource open.
     *
     * <p>No statement cache here, whatever {@code statementCacheSize} says: Athanor does not own these connections.
     * It hears nothing when the server destroys a physical connection (a cache would keep it reachable with its
     * closed statements), has no portable way to find the physical connection under the server's handle (Payara's
     * and WildFly's handles are per checkout, and what {@code unwrap} gives is the server's business), and a cached
     * statement would bypass what the server's handle does on {@code prepareStatement}: enlisting lazily (Payara's
     * lazy connection enlistment and association) and tracking statements to close them with the handle (WildFly's
     * {@code track-statements}), neither of which Athanor can call. Servers have statement caches of their own that
     * stay inside their handles (Payara's {@code statement-cache-size}, WildFly's
     * {@code prepared-statement-cache-size}).
     */
    public static ConnectionPool overDataSource(javax.sql.DataSource dataSource) {
        return new ConnectionPool(dataSource, null, 0, 0, Duration.ZERO);
    }

    /**
     * Starts a pool.
     *
     * @param jdbcUrl  the JDBC URL
     * @param user     the user, or null
     * @param password the password, or null
     * @param display  the URL with its password masked, for log messages
     */
    public static ConnectionPool start(EngineOptions options, Dialect dialect, String jdbcUrl, String user,
            String password, String display) throws SQLException {
        return start(options, dialect, jdbcUrl, user, password, display, null);
    }

    /**
     * Starts a pool whose connections take part in JTA transactions through {@code transactionIntegration} (Agroal's
     * Narayana integration, given by the CDI extension): a connection taken inside a transaction is enlisted in it.
     */
    public static ConnectionPool start(EngineOptions options, Dialect dialect, String jdbcUrl, String user,
            String password, String display, io.agroal.api.transaction.TransactionIntegration transactionIntegration)
            throws SQLException {
        return start(options, dialect, jdbcUrl, user, password, display, transactionIntegration, null);
    }

    /**
     * As above; with {@code xa} (see {@link XaDataSources}) the connections come from the driver's
     * {@code XADataSource}, so that {@code transactionIntegration} enlists their {@code XAResource} for two-phase
     * commit and registers the data source for crash recovery, instead of emulating XA over a local transaction.
     */
    public static ConnectionPool start(EngineOptions options, Dialect dialect, String jdbcUrl, String user,
            String password, String display, io.agroal.api.transaction.TransactionIntegration transactionIntegration,
            XaDataSources.XaSource xa) throws SQLException {
        int maxSize = options.poolSize() + options.maxOverflow();
        if (maxSize < 1) {
            throw new dev.athanor.ArgumentError("poolSize + maxOverflow must allow at least one connection");
        }
        Map<String, String> properties = new LinkedHashMap<>(dialect.defaultConnectProperties());
        properties.putAll(options.connectArgs());

        AgroalConnectionFactoryConfigurationSupplier factory = new AgroalConnectionFactoryConfigurationSupplier()
                .jdbcUrl(jdbcUrl)
                .autoCommit(options.isolationLevel() == IsolationLevel.AUTOCOMMIT)
                .trackJdbcResources(false); // Athanor closes its statements and cursors itself
        Class<? extends java.sql.Driver> driver = driverFor(jdbcUrl);
        if (driver != null) {
            factory.connectionProviderClass(driver);
        }
        if (user != null) {
            factory.principal(new NamePrincipal(user));
        }
        if (password != null && !password.isEmpty()) {
            factory.credential(new SimplePassword(password));
        }
        if (xa != null) {
            // An XADataSource takes the URL and its bean properties, not the driver's connect properties.
            factory.connectionProviderClass(xa.dataSourceClass()).jdbcUrl(xa.url(jdbcUrl, properties))
                    // Recovery scans get connections of their own: a pooled one is in manual-commit mode, where
                    // MariaDB refuses XA ROLLBACK/COMMIT of another session's branch (XAER_OUTSIDE), and would count
                    // as checked out.
                    .poolRecovery(false);
        } else {
            properties.forEach(factory::jdbcProperty);
        }
        TransactionIsolation isolation = isolation(options.isolationLevel());
        if (isolation != null) {
            factory.jdbcTransactionIsolation(isolation);
        }

        AgroalConnectionPoolConfigurationSupplier pool = new AgroalConnectionPoolConfigurationSupplier()
                .connectionFactoryConfiguration(factory)
                .initialSize(0)
                .minSize(options.poolSize())
                .maxSize(maxSize)
                .acquisitionTimeout(options.poolTimeout())
                .reapTimeout(OVERFLOW_IDLE)
                .exceptionSorter(exceptionSorter(dialect));
        if (transactionIntegration != null) {
            pool.transactionIntegration(transactionIntegration);
        }
        if (options.poolRecycle() != null) {
            pool.maxLifetime(options.poolRecycle());
        }
        if (options.prePing()) {
            pool.validateOnBorrow(true).connectionValidator(ConnectionValidator.defaultValidatorWithTimeout(5));
        }
        if (options.leakDetection() != null) {
            pool.leakTimeout(options.leakDetection()).enhancedLeakReport(true);
        }
        AgroalDataSourceConfigurationSupplier configuration = new AgroalDataSourceConfigurationSupplier()
                .metricsEnabled(true)
                .connectionPoolConfiguration(pool);
        PoolListener listener = new PoolListener(display);
        AgroalDataSource dataSource = AgroalDataSource.from(configuration, listener);
        ConnectionPool started = new ConnectionPool(dataSource, dataSource, options.poolSize(), maxSize,
                options.poolTimeout());
        listener.creationFailures = started.creationFailures;
        listener.statementCaches = started.statementCaches;
        started.statementCacheSize = options.statementCacheSize();
        // Under JTA Agroal checks the enlistment on every prepareStatement; a reused statement makes the same checks.
        started.jta = transactionIntegration != null || xa != null;
        started.xaManualCommit = xa != null && options.isolationLevel() != IsolationLevel.AUTOCOMMIT;
        return started;
    }

    /** A connection from the pool; Agroal's time-out and creation errors come through as they are. */
    public Connection checkout() throws SQLException {
        return checkout(false);
    }

    /**
     * A connection from the pool. {@code enlisted}: a JTA transaction is active, so a server's DataSource hands out
     * a connection enlisted in it, whose commit mode is the transaction's business (Payara refuses
     * {@code setAutoCommit} there, and reports such a connection as autocommit all the same).
     */
    public Connection checkout(boolean enlisted) throws SQLException {
        Connection connection = dataSource.getConnection();
        if ((agroal == null || xaManualCommit) && !enlisted && connection.getAutoCommit()) {
            // A server's DataSource hands out autocommit connections outside a JTA transaction; Athanor's transactions
            // need manual commit (an enlisted connection already is; the server resets the mode when it is returned).
            // Likewise an XA driver's handle (H2's) outside a branch; Agroal restores the mode on return.
            connection.setAutoCommit(false);
        }
        return connection;
    }

    /**
     * How the holder of {@code connection} (a connection of {@link #checkout}) uses the statement cache of its
     * physical connection, or null when statements are not cached on it. In a JTA or XA pool the lease makes the
     * checks of Agroal's {@code prepareStatement} on every use, since a cached statement skips it; see
     * {@link StatementLease}.
     */
    public StatementLease statementLease(Connection connection) {
        StatementCache cache = statementCache(connection);
        if (cache == null) {
            return null;
        }
        return jta ? new StatementLease(cache, (io.agroal.pool.wrapper.ConnectionWrapper) connection)
                : cache.unguarded();
    }

    /**
     * The statement cache of the physical connection under {@code connection} (a connection of {@link #checkout}),
     * or null when statements are not cached on it. Only the connection's current holder may use it, through
     * {@link #statementLease}.
     */
    public StatementCache statementCache(Connection connection) {
        if (statementCacheSize <= 0 || !(connection instanceof io.agroal.pool.wrapper.ConnectionWrapper wrapper)) {
            return null;
        }
        Connection physical = wrapper.getHandler().rawConnection();
        StatementCache cache = statementCaches.get(physical);
        if (cache == null) {
            cache = new StatementCache(statementCacheSize);
            statementCaches.put(physical, cache);
        }
        return cache;
    }

    /** Whether {@code error} from {@link #checkout()} is the pool's acquisition time-out. */
    public static boolean isTimeout(SQLException error) {
        String message = error.getMessage();
        return message != null && message.toLowerCase(java.util.Locale.ROOT).contains("acquisition timeout");
    }

    /**
     * Closes a checked-out connection so that the pool destroys it instead of handing it out again. JDBC's
     * {@code abort()} is not enough: Agroal pools an aborted connection unless the abort itself fails.
     *
     * <p>Agroal replaces a destroyed connection with a background fill up to {@code minSize}. A checkout that starts
     * while that fill runs can race it and block until its acquisition time-out when the pool is at its maximum
     * size, so this waits (at most {@code poolTimeout}) until the replacement is in the pool, or until Agroal fails
     * to open a connection: then the database is unreachable, no replacement is coming, and waiting on would hold
     * the caller (a thread that just met a dead connection) for the whole {@code poolTimeout}, well after the
     * database is back.
     */
    public void invalidate(Connection connection) {
        try {
            if (connection instanceof io.agroal.pool.wrapper.ConnectionWrapper wrapper) {
                long before = agroal == null ? 0
                        : agroal.getMetrics().availableCount() + agroal.getMetrics().activeCount();
                // read before the close: Agroal's refill may fail (database down) before awaitRefill starts waiting
                long failuresBefore = creationFailures.get();
                wrapper.getHandler().setFlushOnly();
                wrapper.close();
                awaitRefill(before, failuresBefore);
            } else {
                connection.abort(Runnable::run);
            }
        } catch (SQLException e) {
            LOG.debugf("closing an invalidated connection failed: %s", e.getMessage());
        }
    }

    /**
     * Waits for the replacement of a destroyed connection. Agroal replaces it only, it does not fill a pool that
     * never grew to {@code minSize} (connections open on demand: initial size 0), so the target is the count the
     * pool had before, capped at {@code minSize}; waiting for {@code minSize} itself stalled such a pool for the
     * whole {@code poolTimeout} after each invalidation.
     */
    private void awaitRefill(long before, long failures) {
        if (minSize == 0 || agroal == null) {
            return; // no background fill, no race: a checkout opens its own connection
        }
        long target = Math.min(minSize, before);
        long deadline = System.nanoTime() + acquisitionTimeout.toNanos();
        AgroalDataSourceMetrics metrics = agroal.getMetrics();
        while (metrics.availableCount() + metrics.activeCount() < target && System.nanoTime() < deadline
                && creationFailures.get() == failures) {
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    public int maxSize() {
        return maxSize;
    }

    /** The Agroal data source, or the server's DataSource when Athanor does not pool. */
    public javax.sql.DataSource dataSource() {
        return dataSource;
    }

    public PoolStatus status() {
        if (agroal == null) {
            return new PoolStatus(0, 0, 0, 0, 0, 0, 0, 0); // the server pools; its own metrics tell
        }
        AgroalDataSourceMetrics m = agroal.getMetrics();
        return new PoolStatus(m.activeCount(), m.availableCount(), m.activeCount() + m.availableCount(), maxSize,
                m.awaitingCount(), m.creationCount(), m.invalidCount() + m.flushCount(), m.leakDetectionCount());
    }

    @Override
    public void close() {
        if (agroal != null) {
            agroal.close();
        }
        statementCaches.clear();
    }

    private static ExceptionSorter exceptionSorter(Dialect dialect) {
        return switch (dialect.name()) {
            case "postgresql" -> new PostgreSQLExceptionSorter();
            case "mariadb" -> new MySQLExceptionSorter();
            default -> ExceptionSorter.defaultExceptionSorter(); // SQLState class 08: connection exceptions
        };
    }

    /**
     * The JDBC driver for {@code jdbcUrl} among those the application can see (the thread's context class loader,
     * then Athanor's), or null to let Agroal ask {@code DriverManager}. In an application server the driver is in
     * the application (WEB-INF/lib), where {@code DriverManager}, initialised with the server's class loader, never
     * looks (Payara: "Unable to get java.sql.Driver from DriverManager"); naming the class makes the pool independent
     * of that.
     */
    static Class<? extends java.sql.Driver> driverFor(String jdbcUrl) {
        for (ClassLoader loader : new ClassLoader[] {Thread.currentThread().getContextClassLoader(),
                ConnectionPool.class.getClassLoader()}) {
            if (loader == null) {
                continue;
            }
            try {
                for (java.sql.Driver candidate : java.util.ServiceLoader.load(java.sql.Driver.class, loader)) {
                    if (candidate.acceptsURL(jdbcUrl)) {
                        return candidate.getClass();
                    }
                }
            } catch (SQLException | java.util.ServiceConfigurationError e) {
                // a driver that cannot be loaded or asked: leave the choice to DriverManager
            }
        }
        return null;
    }

    private static TransactionIsolation isolation(IsolationLevel level) {
        if (level == null) {
            return null;
        }
        return switch (level) {
            case READ_UNCOMMITTED -> TransactionIsolation.READ_UNCOMMITTED;
            case READ_COMMITTED -> TransactionIsolation.READ_COMMITTED;
            case REPEATABLE_READ -> TransactionIsolation.REPEATABLE_READ;
            case SERIALIZABLE -> TransactionIsolation.SERIALIZABLE;
            case AUTOCOMMIT -> null;
        };
    }

    /** Agroal reports through a listener; its warnings and leaks go to the log, category {@code dev.athanor.pool}. */
    private static final class PoolListener implements AgroalDataSourceListener {
        private final String display;
        /** The pool's counter, set once the pool exists (Agroal may fail to open a connection before that). */
        private volatile AtomicLong creationFailures;
        /** The pool's statement caches, set once the pool exists. */
        private volatile Map<Connection, StatementCache> statementCaches;

        PoolListener(String display) {
            this.display = display;
        }

        @Override
        public void onConnectionLeak(Connection connection, Thread thread) {
            LOG.warnf("connection to %s checked out for longer than the leak-detection time by thread %s; "
                    + "close every Connection (try-with-resources)", display, thread.getName());
        }

        @Override
        public void onConnectionCreationFailure(SQLException error) {
            AtomicLong failures = creationFailures;
            if (failures != null) {
                failures.incrementAndGet();
            }
            LOG.debugf("could not open a connection to %s: %s", display, error.getMessage());
        }

        @Override
        public void onConnectionDestroy(Connection connection) {
            // the statements close with the connection; the cache must not outlive it (nor keep it reachable)
            Map<Connection, StatementCache> caches = statementCaches;
            if (caches != null) {
                caches.remove(connection);
            }
        }

        @Override
        public void onConnectionInvalid(Connection connection) {
            LOG.debugf("a pooled connection to %s failed validation and is replaced", display);
        }

        @Override
        public void onWarning(String message) {
            LOG.warnf("pool %s: %s", display, message);
        }

        @Override
        public void onWarning(Throwable error) {
            LOG.warnf("pool %s: %s", display, error.toString());
        }
    }
}
