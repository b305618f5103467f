package dev.athanor.cdi.impl;

import dev.athanor.impl.engine.ManagedTransactions;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.jboss.logging.Logger;

import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The container's JTA objects, found as CDI beans (Narayana's CDI extension in SE, most servers) or by their
 * standard JNDI names, and {@link ManagedTransactions} over the {@link TransactionSynchronizationRegistry}.
 * Loaded only when the JTA API is on the class path: without it every Session is resource-local.
 */
final class Jta implements ManagedTransactions {
    private static final Logger LOG = Logger.getLogger("dev.athanor.cdi");
    private static final String[] TM_NAMES = {"java:comp/TransactionManager", "java:/TransactionManager",
            "java:appserver/TransactionManager", "java:pm/TransactionManager"};

    final TransactionSynchronizationRegistry registry;
    final TransactionManager manager; // null when only the registry is found (enough with a server DataSource)

    private Jta(TransactionSynchronizationRegistry registry, TransactionManager manager) {
        this.registry = registry;
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

    /** The container's JTA, or null when it has none (then Sessions are resource-local only). */
    static Jta find(BeanManager beans) {
        TransactionSynchronizationRegistry registry = bean(beans, TransactionSynchronizationRegistry.class);
        if (registry != null && !works(registry::getTransactionStatus)) {
            registry = null; // e.g. a bean that delegates to a JNDI name this environment does not bind
        }
        if (registry == null) {
            registry = (TransactionSynchronizationRegistry) jndi("java:comp/TransactionSynchronizationRegistry");
        }
        if (registry == null) {
            LOG.debugf("no TransactionSynchronizationRegistry (CDI bean or java:comp/...): Sessions are resource-local");
            return null;
        }
        TransactionManager manager = bean(beans, TransactionManager.class);
        if (manager != null && !works(manager::getStatus)) {
            manager = null;
        }
        for (int i = 0; manager == null && i < TM_NAMES.length; i++) {
            manager = (TransactionManager) jndi(TM_NAMES[i]);
        }
        return new Jta(registry, manager);
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

    @Override
    public boolean isActive() {
        int status = registry.getTransactionStatus();
        return status == Status.STATUS_ACTIVE || status == Status.STATUS_MARKED_ROLLBACK;
    }

    @Override
    public void setRollbackOnly() {
        registry.setRollbackOnly();
    }

    Object resource(Object key) {
        return registry.getResource(key);
    }

    /** Binds {@code value} to the current transaction under {@code key} and registers {@code synchronization}. */
    void join(Object key, Object value, Synchronization synchronization) {
        if (registry.getTransactionStatus() == Status.STATUS_MARKED_ROLLBACK) {
            throw new dev.athanor.InvalidRequestError("the JTA transaction is marked rollback-only: the injected "
                    + "Session cannot join it; let it end (its work is rolled back) and start a new one");
        }
        registry.registerInterposedSynchronization(synchronization);
        registry.putResource(key, value);
    }
}
