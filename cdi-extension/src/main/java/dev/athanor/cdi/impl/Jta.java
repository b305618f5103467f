package dev.athanor.cdi.impl;

import dev.athanor.impl.engine.ManagedTransactions;
import dev.athanor.impl.xa.RegistryTransactions;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.InterceptionType;
import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import jakarta.transaction.UserTransaction;
import org.jboss.logging.Logger;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.util.List;

/**
 * The container's JTA objects, found as CDI beans (Narayana's CDI extension in SE, most servers) or by their
 * standard JNDI names, and {@link ManagedTransactions} over the {@link TransactionSynchronizationRegistry} (that
 * part is impl's {@link RegistryTransactions}, shared with XA engines built in SE).
 * Loaded only when the JTA API is on the class path: without it every Session is resource-local. When the container
 * has a transaction manager that cannot be reached, {@link DatabaseRuntime} fails the deployment rather than let
 * Sessions run resource-local inside the container's transactions (their work would be rolled back at the end of
 * the request).
 */
final class Jta extends RegistryTransactions {
    private static final Logger LOG = Logger.getLogger("dev.athanor.cdi");
    private static final String[] TM_NAMES = {"java:comp/TransactionManager", "java:/TransactionManager",
            "java:appserver/TransactionManager", "java:pm/TransactionManager"};

    final TransactionManager manager; // null when only the registry is found (enough with a server DataSource)

    private Jta(TransactionSynchronizationRegistry registry, TransactionManager manager) {
        super(registry);
        this.manager = manager;
    }

    /** Whether the JTA API is visible at all. */
    static boolean onClassPath() {
        try {
            Class.forName("jakarta.transaction.TransactionSynchronizationRegistry", false, Jta.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * What the search for the container's JTA objects found: the registry and the manager (either may be null),
     * where each was looked for, and whether the container shows signs of a transaction manager at all.
     */
    record Found(TransactionSynchronizationRegistry registry, TransactionManager manager, String evidence) {

        /** The JTA objects, when everything a database needs was found ({@code needsManager}: Athanor's pool). */
        Jta jta(boolean needsManager) {
            return registry != null && (manager != null || !needsManager) ? new Jta(registry, manager) : null;
        }

        /** What is missing for such a database, for the error message. */
        String missing(boolean needsManager) {
            if (registry == null) {
                return "the TransactionSynchronizationRegistry (looked up as a CDI bean and as "
                        + "java:comp/TransactionSynchronizationRegistry)"
                        + (needsManager && manager == null ? " and the TransactionManager" : "");
            }
            return "the TransactionManager (looked up as a CDI bean and as " + String.join(", ", TM_NAMES)
                    + "), which Athanor's pool needs to enlist its connections";
        }
    }

    /**
     * Looks for the container's registry and manager, as CDI beans (Narayana's CDI extension in SE, WildFly) or by
     * their JNDI names (Payara, Open Liberty with {@code jndi-1.0}).
     */
    static Found find(BeanManager beans) {
        TransactionSynchronizationRegistry registry = bean(beans, TransactionSynchronizationRegistry.class);
        if (registry != null && !works(registry::getTransactionStatus)) {
            registry = null; // e.g. a bean that delegates to a JNDI name this environment does not bind
        }
        if (registry == null) {
            registry = (TransactionSynchronizationRegistry) jndi("java:comp/TransactionSynchronizationRegistry");
        }
        TransactionManager manager = bean(beans, TransactionManager.class);
        if (manager != null && !works(manager::getStatus)) {
            manager = null;
        }
        for (int i = 0; manager == null && i < TM_NAMES.length; i++) {
            manager = (TransactionManager) jndi(TM_NAMES[i]);
        }
        return new Found(registry, manager, evidence(beans, registry, manager));
    }

    /**
     * Why we believe the container has a transaction manager, or null when nothing says so (then Sessions are
     * resource-local by default): a registry or manager that answered, a JTA bean (even one that does not answer),
     * or an enabled {@code @Transactional} interceptor, which means application code runs in JTA transactions.
     */
    private static String evidence(BeanManager beans, TransactionSynchronizationRegistry registry,
            TransactionManager manager) {
        if (registry != null) {
            return "a TransactionSynchronizationRegistry was found";
        }
        if (manager != null) {
            return "a TransactionManager was found";
        }
        for (Class<?> type : List.of(TransactionManager.class, TransactionSynchronizationRegistry.class,
                UserTransaction.class)) {
            try {
                if (!beans.getBeans(type).isEmpty()) {
                    return "the container has a " + type.getSimpleName() + " bean";
                }
            } catch (RuntimeException e) {
                // not resolvable here: no evidence from this one
            }
        }
        try {
            if (!beans.resolveInterceptors(InterceptionType.AROUND_INVOKE, new TransactionalLiteral()).isEmpty()) {
                return "the container has an interceptor for @Transactional, so methods run in JTA transactions";
            }
        } catch (RuntimeException e) {
            // no interceptor binding known for @Transactional
        }
        return null;
    }

    /** {@code @Transactional(REQUIRED)}, to ask the container for its interceptors. */
    @SuppressWarnings("all")
    private static final class TransactionalLiteral extends AnnotationLiteral<Transactional> implements Transactional {
        @Override
        public TxType value() {
            return TxType.REQUIRED;
        }

        @Override
        public Class[] rollbackOn() {
            return new Class[0];
        }

        @Override
        public Class[] dontRollbackOn() {
            return new Class[0];
        }
    }

    private static <T> T bean(BeanManager beans, Class<T> type) {
        try {
            Instance<T> instance = beans.createInstance().select(type);
            return instance.isResolvable() ? instance.get() : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private interface Probe {
        int call() throws Exception;
    }

    /** Whether a looked-up object answers (a proxy may fail only on its first call). */
    private static boolean works(Probe probe) {
        try {
            probe.call();
            return true;
        } catch (Exception e) {
            LOG.debugf("a JTA object found as a CDI bean does not answer (%s); trying JNDI", e.toString());
            return false;
        }
    }

    private static Object jndi(String name) {
        try {
            return new InitialContext().lookup(name);
        } catch (NamingException | RuntimeException e) {
            return null;
        }
    }

    Object resource(Object key) {
        return registry().getResource(key);
    }

    /** Binds {@code value} to the current transaction under {@code key} and registers {@code synchronization}. */
    void join(Object key, Object value, Synchronization synchronization) {
        if (registry().getTransactionStatus() == Status.STATUS_MARKED_ROLLBACK) {
            throw new dev.athanor.InvalidRequestError("the JTA transaction is marked rollback-only: the injected "
                    + "Session cannot join it; let it end (its work is rolled back) and start a new one");
        }
        registry().registerInterposedSynchronization(synchronization);
        registry().putResource(key, value);
    }
}
