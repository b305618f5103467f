package dev.athanor.impl.engine;

import dev.athanor.ArgumentError;
import dev.athanor.Connection;
import dev.athanor.Engine;
import dev.athanor.EngineEvents;
import dev.athanor.EngineOptions;
import dev.athanor.ExecutionOption;
import dev.athanor.OperationalError;
import dev.athanor.PoolStatus;
import dev.athanor.PoolTimeoutError;
import dev.athanor.ResourceClosedError;
import dev.athanor.impl.dialect.Dialect;
import dev.athanor.impl.dialect.Dialects;
import dev.athanor.impl.pool.ConnectionPool;
import dev.athanor.impl.routing.ReplicaSet;
import dev.athanor.impl.sql.SqlCompiler;

import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/** The engine: a dialect, an Agroal pool, listeners and logging settings, shared by every connection. */
public final class EngineImpl implements Engine {
    private final EngineOptions options;
    private final DatabaseUrl url;
    private final Dialect dialect;
    private final ConnectionPool pool;
    private final EngineEventsImpl events;
    private final EchoLog echo;
    private final SqlCompiler compiler;
    private final ManagedTransactions managedTransactions; // null: no container transactions
    private final ReplicaSet replicas; // null: no read replicas
    private volatile boolean disposed;

    EngineImpl(EngineOptions options) {
        this(options, ConnectionPool::start, null);
    }

    /** An engine whose pool comes from {@code starter} and whose connections may join container transactions. */
    EngineImpl(EngineOptions options, PoolStarter starter, ManagedTransactions managedTransactions) {
        this(options, starter, managedTransactions, new EngineEventsImpl());
    }

    private EngineImpl(EngineOptions options, PoolStarter starter, ManagedTransactions managedTransactions,
            EngineEventsImpl events) {
        this.options = options;
        this.events = events;
        this.managedTransactions = managedTransactions;
        this.url = DatabaseUrl.parse(options.url());
        this.dialect = Dialects.forName(url.dialect());
        this.echo = new EchoLog(options.echo());
        this.compiler = new SqlCompiler(dialect, options.queryCacheSize());
        String user = options.user() != null ? options.user() : url.user();
        String password = options.password() != null ? options.password() : url.password();
        try {
            this.pool = starter.start(options, dialect, url.jdbcUrl(), user, password, url.display());
        } catch (SQLException e) {
            throw new OperationalError("cannot start a connection pool for " + url.display() + ": " + e.getMessage(),
                    null, null, e.getSQLState(), e.getErrorCode(), e);
        }
        try {
            this.replicas = options.replicas().urls().isEmpty() ? null : ReplicaSet.start(this, options);
        } catch (RuntimeException e) {
            pool.close(); // a bad replica URL fails the build: the primary's pool must not stay open behind it
            throw e;
        }
    }

    /**
     * An engine for one read replica of {@code primary}: its own pool with the primary's pool settings, the primary's
     * listeners (so statement events cover replica reads), no replicas and no container transactions.
     */
    public static EngineImpl replicaOf(EngineImpl primary, String replicaUrl) {
        return new EngineImpl(primary.options.forReplica(replicaUrl), ConnectionPool::start, null, primary.events);
    }

    /** The read replicas and their health, or null when the engine has none. */
    public ReplicaSet replicas() {
        return replicas;
    }

    @Override
    public Engine executionOptions(ExecutionOption... executionOptions) {
        return new OptionEngine(this, ExecutionOption.merge(List.of(), executionOptions));
    }

    @Override
    public Connection connect() {
        if (disposed) {
            throw new ResourceClosedError("this engine (" + url.display() + ") was disposed; build a new one");
        }
        ManagedTransactions managed = managedTransactions;
        boolean enlisted = managed != null && managed.isActive();
        java.sql.Connection jdbc;
        try {
            jdbc = pool.checkout(enlisted);
        } catch (SQLException e) {
            if (disposed) {
                throw new ResourceClosedError("this engine (" + url.display() + ") was disposed; build a new one");
            }
            if (ConnectionPool.isTimeout(e)) {
                throw new PoolTimeoutError("no connection to " + url.display() + " became free within "
                        + options.poolTimeout() + ": all " + pool.maxSize() + " (poolSize " + options.poolSize()
                        + " + maxOverflow " + options.maxOverflow() + ") are checked out. Close connections when "
                        + "done (try-with-resources), or raise poolSize/maxOverflow", e);
            }
            throw new OperationalError("cannot connect to " + url.display() + ": " + e.getMessage(), null, null,
                    e.getSQLState(), e.getErrorCode(), e);
        }
        return new ConnectionImpl(this, jdbc, enlisted ? managed : null);
    }

    /** The container's transactions, or null for an engine of its own (no JTA). */
    ManagedTransactions managedTransactions() {
        return managedTransactions;
    }

    /** How an engine starts its pool: {@link ConnectionPool#start}, or one that enlists in JTA transactions. */
    @FunctionalInterface
    interface PoolStarter {
        ConnectionPool start(EngineOptions options, Dialect dialect, String jdbcUrl, String user, String password,
                String display) throws SQLException;
    }

    @Override
    public void begin(Consumer<Connection> work) {
        inTransaction(conn -> {
            work.accept(conn);
            return null;
        });
    }

    @Override
    public <T> T inTransaction(Function<Connection, T> work) {
        return inTransaction(connect(), work);
    }

    /**
     * Runs {@code work} in a transaction on {@code connection} and closes it: commit at the end, rollback when the
     * work throws (the rollback's own failure is added to the work's as suppressed). Shared by the engine and its
     * {@link OptionEngine} views, whose connections start with their execution options.
     */
    static <T> T inTransaction(Connection connection, Function<Connection, T> work) {
        try (Connection conn = connection) {
            conn.begin();
            T value;
            try {
                value = work.apply(conn);
            } catch (RuntimeException | Error e) {
                rollbackAfter(conn, e);
                throw e;
            }
            if (conn.inTransaction()) {
                conn.commit();
            }
            return value;
        }
    }

    private static void rollbackAfter(Connection conn, Throwable cause) {
        try {
            conn.rollback();
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    @Override
    public String dialectName() {
        return dialect.name();
    }

    public Dialect dialect() {
        return dialect;
    }

    @Override
    public String url() {
        return url.display();
    }

    @Override
    public EngineEvents events() {
        return events;
    }

    /** The compiler of this engine's dialect, with its cache of compiled statements. */
    public SqlCompiler compiler() {
        return compiler;
    }

    ConnectionPool pool() {
        return pool;
    }

    EngineEventsImpl eventsImpl() {
        return events;
    }

    EchoLog echo() {
        return echo;
    }

    boolean hideParameters() {
        return options.hideParameters();
    }

    boolean autocommit() {
        return options.isolationLevel() == dev.athanor.IsolationLevel.AUTOCOMMIT;
    }

    /** Whether a container (JTA) transaction is active on the calling thread (the asyncio layer refuses work then). */
    public boolean containerTransactionActive() {
        ManagedTransactions managed = managedTransactions;
        return managed != null && managed.isActive();
    }

    @Override
    public PoolStatus poolStatus() {
        return pool.status();
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        if (type.isInstance(pool.dataSource())) {
            return type.cast(pool.dataSource());
        }
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new ArgumentError("this engine cannot be unwrapped to " + type.getName()
                + "; it offers javax.sql.DataSource (the Agroal pool, or the server's DataSource)");
    }

    @Override
    public void dispose() {
        if (!disposed) {
            disposed = true;
            if (replicas != null) {
                replicas.close();
            }
            pool.close();
        }
    }

    @Override
    public String toString() {
        return "Engine(" + url.display() + ")";
    }
}
