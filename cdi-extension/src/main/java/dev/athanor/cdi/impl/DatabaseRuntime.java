package dev.athanor.cdi.impl;

import dev.athanor.Engine;
import dev.athanor.asyncio.AsyncEngine;
import dev.athanor.asyncio.AsyncSessionMaker;
import dev.athanor.EngineBuilder;
import dev.athanor.EngineListener;
import dev.athanor.EngineOptions;
import dev.athanor.InvalidRequestError;
import dev.athanor.OperationalError;
import dev.athanor.StatementEvent;
import dev.athanor.cdi.Database;
import dev.athanor.cdi.StatementExecuted;
import dev.athanor.cdi.impl.DatabaseConfig.TransactionMode;
import dev.athanor.impl.engine.ManagedEngines;
import dev.athanor.impl.xa.XaEngines;
import dev.athanor.orm.Registry;
import dev.athanor.orm.SessionMaker;
import io.agroal.narayana.NarayanaTransactionIntegration;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.BeanManager;
import org.jboss.logging.Logger;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import java.lang.annotation.Annotation;
import java.sql.SQLException;
import java.time.Duration;

/**
 * One configured database at run time: its validated {@link Registry} (built at deployment), and its engine and
 * session maker, created on first use and disposed when the container shuts down.
 */
final class DatabaseRuntime {
    private static final Logger LOG = Logger.getLogger("dev.athanor.cdi");

    final DatabaseConfig config;
    final Registry registry;
    private BeanManager beans;
    private volatile Engine engine;
    private volatile SessionMaker sessionMaker;
    private volatile AsyncEngine asyncEngine;
    private volatile AsyncSessionMaker asyncSessionMaker;
    private Jta jta;
    private boolean jtaLooked;
    /** The schema action left for the first use of the engine (see AthanorExtension.applicationStarted). */
    /** A schema action that must run before the engine's first use (a server DataSource's schema-generation). */
    private volatile Runnable schemaOnFirstUse;

    DatabaseRuntime(DatabaseConfig config, Registry registry) {
        this.config = config;
        this.registry = registry;
    }

    /** The qualifier of this database's beans. */
    Annotation qualifier() {
        return config.name().isEmpty() ? Default.Literal.INSTANCE : Database.Literal.of(config.name());
    }

    void deployed(BeanManager beans) {
        this.beans = beans;
    }

    /** The container's JTA objects, or null when Sessions are resource-local (see {@link #resolveTransactions}). */
    synchronized Jta jta() {
        if (!jtaLooked) {
            String problem = resolveTransactions();
            if (problem != null) {
                throw new InvalidRequestError(problem, null, "jta-not-found");
            }
        }
        return jta;
    }

    /**
     * Decides, once and at deployment, whether this database's Sessions join the container's JTA transactions.
     * Returns the problem that must fail the deployment, or null: a container whose transaction manager exists but
     * cannot be reached would otherwise get resource-local Sessions inside its transactions, and the work of every
     * {@code @Transactional} method would be rolled back at the end of its request.
     */
    synchronized String resolveTransactions() {
        jtaLooked = true;
        jta = null;
        String problem = findTransactions();
        if (problem == null && config.xa() && (jta == null || jta.manager == null)) {
            // an XA pool enlists its connections through the manager: without one there is nothing to build
            return config.describe() + ": configuration key " + config.key("datasource.xa") + " is true, but no "
                    + "JTA TransactionManager was found (as a CDI bean or at java:comp/TransactionManager)"
                    + (config.transactions() == TransactionMode.RESOURCE_LOCAL ? " (" + config.key("transactions")
                    + "=resource-local leaves JTA out)" : "") + "; an XA pool needs one: in Java SE add "
                    + "org.jboss.narayana.jta:narayana-jta, or set " + config.key("datasource.xa") + "=false ("
                    + ERROR_CODE + ")";
        }
        return problem;
    }

    private String findTransactions() {
        TransactionMode mode = config.transactions();
        if (mode == TransactionMode.RESOURCE_LOCAL) {
            LOG.debugf("%s: %s=resource-local, Sessions do not join JTA transactions", config.describe(),
                    config.key("transactions"));
            return null;
        }
        if (!Jta.onClassPath()) {
            return mode == TransactionMode.JTA ? config.describe() + ": " + config.key("transactions") + "=jta, but "
                    + "the JTA API (jakarta.transaction) is not on the class path (" + ERROR_CODE + ")" : null;
        }
        boolean needsManager = config.jndiName() == null;
        Jta.Found found = Jta.find(beans);
        jta = found.jta(needsManager);
        if (jta != null) {
            return null;
        }
        if (mode == TransactionMode.AUTO && found.evidence() == null) {
            LOG.infof("%s: no JTA transaction manager in this container: Sessions are resource-local",
                    config.describe());
            return null;
        }
        String why = mode == TransactionMode.JTA ? config.key("transactions") + "=jta" : found.evidence();
        return config.describe() + ": " + why + ", but Athanor cannot reach " + found.missing(needsManager)
                + ". Its Sessions would not join the container's transactions, and what @Transactional methods write "
                + "through them would be rolled back at the end of each request. " + fix() + (config.xa()
                ? " Configuration key " + config.key("datasource.xa") + " is true: an XA pool needs both in any case"
                : " To use resource-local Sessions instead (they commit themselves, as in SE), set "
                + config.key("transactions") + "=resource-local") + " (" + ERROR_CODE + ")";
    }

    private static final String ERROR_CODE = "Background on this error: docs/errors.md#jta-not-found";

    /** How to make the JTA objects reachable, for the server at hand when it can be told. */
    private static String fix() {
        if (System.getProperty("wlp.install.dir") != null || System.getProperty("wlp.server.name") != null) {
            return "On Open Liberty, add <feature>jndi-1.0</feature> to the <featureManager> of server.xml: Liberty "
                    + "binds them only in JNDI (java:comp/TransactionSynchronizationRegistry, "
                    + "java:comp/TransactionManager).";
        }
        return "Make them reachable: on Open Liberty add the jndi-1.0 feature to server.xml; on WildFly keep the "
                + "transactions subsystem; on Payara they are bound in JNDI; in Java SE add "
                + "org.jboss.narayana.jta:narayana-jta, whose CDI extension provides both as beans.";
    }

    Engine engine() {
        Engine e = engine;
        if (e == null || schemaOnFirstUse != null) {
            synchronized (this) {
                e = engine;
                if (e == null) {
                    e = createEngine();
                    engine = e;
                }
                // whoever uses the engine first (the extension at the application's start, or the application's own
                // start-up observer, whichever the container notifies first) finds the schema in place
                Runnable schema = schemaOnFirstUse;
                schemaOnFirstUse = null;
                if (schema != null) {
                    outsideTransaction(schema);
                }
            }
        }
        return e;
    }

    SessionMaker sessionMaker() {
        SessionMaker m = sessionMaker;
        if (m == null) {
            synchronized (this) {
                m = sessionMaker;
                if (m == null) {
                    m = SessionMaker.of(engine(), registry);
                    sessionMaker = m;
                }
            }
        }
        return m;
    }

    /**
     * The async engine over this database's engine (created on first use): its calls run on worker threads, outside
     * any JTA transaction, and are refused while one is active on the caller's thread.
     */
    synchronized AsyncEngine asyncEngine() {
        if (asyncEngine == null) {
            asyncEngine = AsyncEngine.of(engine());
        }
        return asyncEngine;
    }

    synchronized AsyncSessionMaker asyncSessionMaker() {
        if (asyncSessionMaker == null) {
            asyncSessionMaker = AsyncSessionMaker.of(asyncEngine(), registry);
        }
        return asyncSessionMaker;
    }

    private Engine createEngine() {
        Jta transactions = jta();
        Engine created;
        if (config.jndiName() != null) {
            DataSource dataSource = lookup(config.jndiName());
            EngineOptions options = Engine.builder(jdbcUrlOf(dataSource)).echo(config.echo()).options();
            created = ManagedEngines.overDataSource(options, dataSource, transactions);
        } else if (config.xa()) {
            // resolveTransactions() (hence jta()) refuses xa=true without a TransactionManager
            created = XaEngines.create(builder().options(), transactions.manager, transactions.registry(),
                    transactions);
        } else {
            EngineOptions options = builder().options();
            // resolveTransactions() never leaves a registry without a manager for a pool of Athanor's own
            created = transactions != null ? ManagedEngines.pooled(options,
                    new NarayanaTransactionIntegration(transactions.manager, transactions.registry()), transactions)
                    : builder().build();
        }
        addListeners(created);
        LOG.debugf("%s: engine %s (JTA: %s, XA: %s)", config.describe(), created, transactions != null, config.xa());
        return created;
    }

    private EngineBuilder builder() {
        EngineBuilder builder = Engine.builder(config.url()).echo(config.echo());
        if (config.username() != null) {
            builder.user(config.username());
        }
        if (config.password() != null) {
            builder.password(config.password());
        }
        if (config.poolSize() != null) {
            builder.poolSize(config.poolSize());
        }
        if (config.maxOverflow() != null) {
            builder.maxOverflow(config.maxOverflow());
        }
        if (config.poolTimeout() != null) {
            builder.poolTimeout(config.poolTimeout());
        }
        if (config.poolRecycle() != null) {
            builder.poolRecycle(config.poolRecycle());
        }
        if (config.statementCacheSize() != null) {
            builder.statementCacheSize(config.statementCacheSize());
        }
        builder.replicas(config.replicas());
        if (config.replicaMaxLag() != null) {
            builder.replicaMaxLag(config.replicaMaxLag());
        }
        if (config.replicaCheckInterval() != null) {
            builder.replicaCheckInterval(config.replicaCheckInterval());
        }
        return builder;
    }

    private DataSource lookup(String name) {
        try {
            return (DataSource) new InitialContext().lookup(name);
        } catch (NamingException | ClassCastException e) {
            throw new OperationalError("cannot look up the DataSource " + name + " (configuration key "
                    + config.key("datasource.jndi-name") + "): " + e, null, null, null, 0, e);
        }
    }

    /** The server DataSource's JDBC URL, which chooses the dialect. */
    private String jdbcUrlOf(DataSource dataSource) {
        try (java.sql.Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getURL();
        } catch (SQLException e) {
            throw new OperationalError("cannot connect through the DataSource " + config.jndiName() + ": "
                    + e.getMessage(), null, null, e.getSQLState(), e.getErrorCode(), e);
        }
    }

    /** EngineListener beans qualified like this database, and the StatementExecuted event if anyone observes it. */
    private void addListeners(Engine created) {
        BeanManager beans = applicationBeans();
        if (beans == null) {
            return;
        }
        Instance<EngineListener> listeners = beans.createInstance().select(EngineListener.class, qualifier());
        for (EngineListener listener : listeners) {
            created.events().addListener(listener);
        }
        StatementExecuted probe = new StatementExecuted(config.name(), "", 1, Duration.ZERO, null);
        Annotation[] qualifiers = config.name().isEmpty() ? new Annotation[0] : new Annotation[] {qualifier()};
        if (!beans.resolveObserverMethods(probe, qualifiers).isEmpty()) {
            Event<StatementExecuted> event = beans.getEvent().select(StatementExecuted.class, qualifiers);
            String name = config.name();
            created.events().addListener(new EngineListener() {
                @Override
                public void afterExecute(StatementEvent e) {
                    event.fire(new StatementExecuted(name, e.sql(), e.batchSize(), Duration.ofNanos(e.durationNanos()),
                            e.error()));
                }
            });
        }
    }

    /**
     * The BeanManager that sees the application's beans. The one given to the extension at deployment may belong to
     * Athanor's own jar: on Payara it does not see the observers and listener beans of the rest of the WAR. The
     * engine starts on first use, from application code, so {@code CDI.current()} answers for the application there.
     */
    private BeanManager applicationBeans() {
        try {
            return jakarta.enterprise.inject.spi.CDI.current().getBeanManager();
        } catch (RuntimeException | LinkageError e) {
            return beans; // no CDIProvider (e.g. an embedded test container): the deployment's BeanManager
        }
    }

    /**
     * Leaves the schema action for the first use of the engine: the server DataSource cannot be looked up from the
     * extension yet (Payara binds a {@code java:app} data source for the application's components only).
     */
    synchronized void schemaOnFirstUse(Runnable action) {
        schemaOnFirstUse = action;
    }

    /**
     * Runs {@code action} with the calling thread's JTA transaction suspended: the first use of the engine may come
     * from a {@code @Transactional} method, and schema DDL must not run in (nor commit) the application's transaction.
     */
    private void outsideTransaction(Runnable action) {
        Jta transactions = jta;
        jakarta.transaction.Transaction suspended = null;
        try {
            if (transactions != null && transactions.manager != null && transactions.isActive()) {
                suspended = transactions.manager.suspend();
            }
        } catch (jakarta.transaction.SystemException e) {
            throw new OperationalError("cannot suspend the JTA transaction to run " + config.key("schema-generation")
                    + ": " + e, null, null, null, 0, e);
        }
        try {
            action.run();
        } finally {
            if (suspended != null) {
                try {
                    transactions.manager.resume(suspended);
                } catch (jakarta.transaction.InvalidTransactionException | jakarta.transaction.SystemException e) {
                    throw new OperationalError("cannot resume the JTA transaction after "
                            + config.key("schema-generation") + ": " + e, null, null, null, 0, e);
                }
            }
        }
    }

    /** Closes the pool (the container is shutting down). */
    synchronized void dispose() {
        if (asyncEngine != null) { // its workers finish their queued calls before the pool closes
            asyncEngine.dispose().toCompletableFuture().join();
            asyncEngine = null;
            asyncSessionMaker = null;
        }
        if (engine != null) {
            engine.dispose();
            engine = null;
            sessionMaker = null;
        }
    }
}
