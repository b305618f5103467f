package dev.athanor;

import dev.athanor.spi.EngineProvider;

import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;

/**
 * Collects the options of an {@link Engine} (SQLAlchemy's {@code create_engine} keyword arguments) and builds it.
 * Defaults follow SQLAlchemy's {@code QueuePool}: five pooled connections, ten more in overflow, 30 seconds of wait
 * for a free connection, no recycling.
 *
 * {@snippet :
 * Engine engine = Engine.builder("jdbc:postgresql://localhost:5432/test")
 *         .user("postgres").password("")
 *         .poolSize(10).maxOverflow(0).poolTimeout(Duration.ofSeconds(5))
 *         .prePing(true)
 *         .isolationLevel(IsolationLevel.REPEATABLE_READ)
 *         .connectArgs(Map.of("ApplicationName", "billing"))
 *         .build();
 * }
 */
public final class EngineBuilder {
    private final String url;
    private boolean echo;
    private boolean hideParameters;
    private int poolSize = 5;
    private int maxOverflow = 10;
    private Duration poolTimeout = Duration.ofSeconds(30);
    private Duration poolRecycle;
    private boolean prePing;
    private Duration leakDetection;
    private String user;
    private String password;
    private IsolationLevel isolationLevel;
    private final Map<String, String> connectArgs = new LinkedHashMap<>();
    private int queryCacheSize = 500;
    private int statementCacheSize = EngineOptions.DEFAULT_STATEMENT_CACHE_SIZE;
    private jakarta.transaction.TransactionManager xaTransactionManager; // null: an ordinary (non-XA) pool
    private jakarta.transaction.TransactionSynchronizationRegistry xaRegistry;
    private final java.util.List<String> replicas = new java.util.ArrayList<>();
    private Duration replicaMaxLag = ReplicaOptions.NONE.maxLag();
    private Duration replicaCheckInterval = ReplicaOptions.NONE.checkInterval();

    EngineBuilder(String url) {
        if (url == null || url.isBlank()) {
            throw new ArgumentError("an engine needs a database URL, e.g. \"postgresql://user:pw@localhost/db\" or \"jdbc:h2:mem:test\"");
        }
        this.url = url.trim();
    }

    /** Logs every statement with its parameters, and every BEGIN/COMMIT/ROLLBACK, at INFO in category {@code dev.athanor.engine}. */
    public EngineBuilder echo(boolean echo) {
        this.echo = echo;
        return this;
    }

    /** Leaves parameter values out of logs and exception messages (SQLAlchemy's {@code hide_parameters}). */
    public EngineBuilder hideParameters(boolean hideParameters) {
        this.hideParameters = hideParameters;
        return this;
    }

    /** How many connections the pool keeps open (default 5). */
    public EngineBuilder poolSize(int poolSize) {
        if (poolSize < 0) {
            throw new ArgumentError("poolSize must be 0 or more, was " + poolSize);
        }
        this.poolSize = poolSize;
        return this;
    }

    /** How many connections may be opened beyond {@code poolSize} under load (default 10). */
    public EngineBuilder maxOverflow(int maxOverflow) {
        if (maxOverflow < 0) {
            throw new ArgumentError("maxOverflow must be 0 or more, was " + maxOverflow);
        }
        this.maxOverflow = maxOverflow;
        return this;
    }

    /** How long {@link Engine#connect()} waits for a free connection before {@link PoolTimeoutError} (default 30 s). */
    public EngineBuilder poolTimeout(Duration poolTimeout) {
        this.poolTimeout = positive("poolTimeout", poolTimeout);
        return this;
    }

    /** Connections older than this are closed and replaced (default: never). */
    public EngineBuilder poolRecycle(Duration poolRecycle) {
        this.poolRecycle = positive("poolRecycle", poolRecycle);
        return this;
    }

    /** Tests each connection as it is checked out and replaces it if it is dead (default false). */
    public EngineBuilder prePing(boolean prePing) {
        this.prePing = prePing;
        return this;
    }

    /** Logs a warning, with the holder's thread, when a connection is checked out for longer than this. */
    public EngineBuilder leakDetection(Duration leakDetection) {
        this.leakDetection = positive("leakDetection", leakDetection);
        return this;
    }

    /** The database user; overrides a user given in the URL. */
    public EngineBuilder user(String user) {
        this.user = user;
        return this;
    }

    /** The database password; overrides a password given in the URL. Never logged. */
    public EngineBuilder password(String password) {
        this.password = password;
        return this;
    }

    /** The isolation level of every connection; {@link IsolationLevel#AUTOCOMMIT} turns transactions off. */
    public EngineBuilder isolationLevel(IsolationLevel isolationLevel) {
        this.isolationLevel = isolationLevel;
        return this;
    }

    /** As {@link #isolationLevel(IsolationLevel)}, from a name such as {@code "READ COMMITTED"} or {@code "AUTOCOMMIT"}. */
    public EngineBuilder isolationLevel(String isolationLevel) {
        this.isolationLevel = IsolationLevel.parse(isolationLevel);
        return this;
    }

    /** Driver properties passed to every new connection, e.g. {@code Map.of("ssl", true)}. */
    public EngineBuilder connectArgs(Map<String, ?> connectArgs) {
        Objects.requireNonNull(connectArgs, "connectArgs");
        connectArgs.forEach((k, v) -> this.connectArgs.put(k, String.valueOf(v)));
        return this;
    }

    /**
     * How many compiled statements the engine keeps (SQLAlchemy's {@code query_cache_size}, default 500); a
     * statement of a shape seen before is not compiled again.
     */
    public EngineBuilder queryCacheSize(int size) {
        if (size < 1) {
            throw new ArgumentError("queryCacheSize must be at least 1, was " + size);
        }
        this.queryCacheSize = size;
        return this;
    }

    /**
     * How many prepared statements each pooled connection keeps for reuse (as asyncpg's and SQLAlchemy's
     * {@code prepared_statement_cache_size}; default {@value EngineOptions#DEFAULT_STATEMENT_CACHE_SIZE}, 0 turns
     * it off): a statement whose SQL ran before on the connection is bound and executed again instead of prepared
     * again, the least recently used one closed when the cache is full. Statements are never shared between
     * connections or between two open results.
     *
     * <p>Also used by pools whose connections take part in JTA transactions ({@link #xa}, and the CDI extension's
     * pools under Narayana): a statement taken from the cache makes the pool's enlistment checks that
     * {@code prepareStatement} makes, and runs in the transaction its connection is enlisted in at the time, so its
     * work commits or rolls back with that transaction as a newly prepared statement's would. Not used over an
     * application server's DataSource (the CDI extension's {@code jndi-name}), whose pool Athanor does not own: the
     * server's own statement cache does that job there. The asyncio layer's tasks use it, except {@code stream()}
     * with a fetch size.
     */
    public EngineBuilder statementCacheSize(int size) {
        if (size < 0) {
            throw new ArgumentError("statementCacheSize must be 0 (off) or more, was " + size);
        }
        this.statementCacheSize = size;
        return this;
    }

    /**
     * Makes the pool an XA pool whose connections join the JTA transaction active on the calling thread, so that one
     * transaction can span several databases with two-phase commit (XA). Connections come from the driver's
     * {@code XADataSource} ({@code PGXADataSource}, MariaDB's {@code MariaDbDataSource}, H2's {@code JdbcDataSource});
     * outside a JTA transaction they behave as ordinary connections. With Narayana as the transaction manager the
     * pool is also registered for crash recovery (Narayana's recovery manager is started if it is not running), so
     * branches left prepared by a crash are committed or rolled back by the next process over the same object store.
     * PostgreSQL needs {@code max_prepared_transactions > 0}.
     *
     * {@snippet :
     * TransactionManager tm = com.arjuna.ats.jta.TransactionManager.transactionManager();
     * TransactionSynchronizationRegistry tsr = new TransactionSynchronizationRegistryImple();
     * Engine orders = Engine.builder("postgresql://app@db1/orders").xa(tm, tsr).build();
     * Engine stock = Engine.builder("mariadb://app@db2/stock").xa(tm, tsr).build();
     * tm.begin();
     * try (Connection a = orders.connect(); Connection b = stock.connect()) {
     *     a.execute(text("INSERT INTO orders (id) VALUES (1)"));
     *     b.execute(text("UPDATE stock SET n = n - 1 WHERE id = 7"));
     * }
     * tm.commit(); // both or neither
     * }
     *
     * <p>Inside the JTA transaction {@code Connection.commit()} is an error and {@code rollback()} marks the
     * transaction rollback-only; the transaction manager decides the outcome. An ORM Session opened inside it is
     * flushed and its connection closed ({@code session.connection().close()}) before the Session is closed;
     * closing it with the connection open rolls back, which dooms the transaction. Requires athanor-impl,
     * agroal-narayana and the JTA API on the class path. Not with {@link #replicas(String...)}: {@code build()}
     * refuses the pair, since a replica's pool is no XA resource and reads routed to it would escape the transaction.
     */
    public EngineBuilder xa(jakarta.transaction.TransactionManager transactionManager,
            jakarta.transaction.TransactionSynchronizationRegistry synchronizationRegistry) {
        this.xaTransactionManager = Objects.requireNonNull(transactionManager, "transactionManager");
        this.xaRegistry = Objects.requireNonNull(synchronizationRegistry, "synchronizationRegistry");
        return this;
    }

    /**
     * Read replicas of this database (URLs in the same forms as the engine's). Reads marked {@link Routing#REPLICA}
     * run on them, round-robin, while they are healthy; see {@link Routing} for the rules. Each replica gets a pool
     * of its own with this builder's pool settings, user and password.
     */
    public EngineBuilder replicas(String... urls) {
        return replicas(java.util.Arrays.asList(urls));
    }

    /** As {@link #replicas(String...)}; replaces the replicas given before. */
    public EngineBuilder replicas(java.util.List<String> urls) {
        Objects.requireNonNull(urls, "urls");
        replicas.clear();
        for (String replica : urls) {
            if (replica == null || replica.isBlank()) {
                throw new ArgumentError("replicas() got an empty URL; give each replica's URL, e.g. "
                        + "\"postgresql://replica1:5432/app\"");
            }
            replicas.add(replica.trim());
        }
        return this;
    }

    /** A replica whose replay lags more than this behind the primary is skipped until it catches up (default 5 s). */
    public EngineBuilder replicaMaxLag(Duration maxLag) {
        this.replicaMaxLag = positive("replicaMaxLag", maxLag);
        return this;
    }

    /** How often the background health check looks at each replica (default 1 s). */
    public EngineBuilder replicaCheckInterval(Duration interval) {
        this.replicaCheckInterval = positive("replicaCheckInterval", interval);
        return this;
    }

    /** The options collected so far, as an immutable value. */
    public EngineOptions options() {
        return new EngineOptions(url, echo, hideParameters, poolSize, maxOverflow, poolTimeout, poolRecycle, prePing,
                leakDetection, user, password, isolationLevel, Map.copyOf(connectArgs), queryCacheSize,
                new ReplicaOptions(replicas, replicaMaxLag, replicaCheckInterval), statementCacheSize);
    }

    /**
     * Builds the engine with the {@link EngineProvider} found on the class path.
     *
     * @throws AthanorException if no implementation (athanor-impl) is on the class path
     */
    public Engine build() {
        if (xaTransactionManager != null) {
            return provider().createXa(options(), xaTransactionManager, xaRegistry);
        }
        return provider().create(options());
    }

    private static EngineProvider provider() {
        return ServiceLoader.load(EngineProvider.class, EngineBuilder.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get)
                .max(Comparator.comparingInt(EngineProvider::priority))
                .orElseThrow(() -> new AthanorException(
                        "no Athanor implementation on the class path: add the dependency dev.athanor:athanor-impl "
                                + "(it provides " + EngineProvider.class.getName() + " through ServiceLoader)",
                        null, "no-provider"));
    }

    private static Duration positive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new ArgumentError(name + " must be a positive duration, was " + value);
        }
        return value;
    }
}
