package dev.athanor.tck.cdi;

import dev.athanor.Engine;
import dev.athanor.cdi.Database;
import dev.athanor.orm.Session;
import dev.athanor.tck.cdi.model.Account;
import dev.athanor.tck.cdi.model.Ledger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static dev.athanor.Sql.select;
import static dev.athanor.Sql.text;

/** The application bean of the TCK: what a service written against Athanor's CDI beans looks like. */
@ApplicationScoped
public class Accounts {
    /** A failure the bean's {@code dontRollbackOn} lets commit. */
    public static class Tolerated extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Tolerated(String message) {
            super(message);
        }
    }

    @Inject Session session;
    @Inject @Database("orders") Session orders;
    @Inject Engine engine;
    @Inject Instance<TransactionSynchronizationRegistry> registryBean;

    /**
     * The registry as a CDI bean (Narayana in SE, WildFly) or by its standard JNDI name: Jakarta EE guarantees only
     * the latter (Payara and Open Liberty have no such bean), so the TCK asks for it the portable way.
     */
    private TransactionSynchronizationRegistry transactions() {
        if (registryBean.isResolvable()) {
            return registryBean.get();
        }
        try {
            return (TransactionSynchronizationRegistry) new InitialContext()
                    .lookup("java:comp/TransactionSynchronizationRegistry");
        } catch (NamingException e) {
            throw new IllegalStateException("no TransactionSynchronizationRegistry (CDI bean or JNDI)", e);
        }
    }

    @Transactional
    public void open(String... owners) {
        for (String owner : owners) {
            session.add(new Account(owner, 0));
        }
    }

    @Transactional
    public void openThenFail(String... owners) {
        for (String owner : owners) {
            session.add(new Account(owner, 0));
        }
        session.flush();
        throw new IllegalStateException("refused after writing " + owners.length + " rows");
    }

    @Transactional(dontRollbackOn = Tolerated.class)
    public void openThenTolerate(String owner) {
        session.add(new Account(owner, 0));
        throw new Tolerated("tolerated");
    }

    /**
     * Adds accounts without flushing, then registers a synchronization after the Session's: in
     * {@code beforeCompletion}, after the Session flushed, it counts the rows through a native Connection of the
     * same transaction. Returns that count, seen before the commit.
     */
    @Transactional
    public AtomicLong openAndCountBeforeCommit(String... owners) {
        for (String owner : owners) {
            session.add(new Account(owner, 0));
        }
        AtomicLong seen = new AtomicLong(-1);
        transactions().registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                try (dev.athanor.Connection native_ = engine.connect()) {
                    seen.set(((Number) native_.scalar(text("SELECT count(*) FROM tck_accounts"))).longValue());
                }
            }

            @Override
            public void afterCompletion(int status) {
            }
        });
        return seen;
    }

    /** Flushes, then counts through a native Connection of the same transaction: the same enlisted connection. */
    @Transactional
    public long flushAndCountInside(String... owners) {
        for (String owner : owners) {
            session.add(new Account(owner, 0));
        }
        session.flush();
        try (dev.athanor.Connection native_ = engine.connect()) {
            return ((Number) native_.scalar(text("SELECT count(*) FROM tck_accounts"))).longValue();
        }
    }

    @Transactional
    public void commitInside() {
        session.add(new Account("inside", 0));
        session.commit();
    }

    @Transactional
    public void rollbackInside() {
        session.rollback();
    }

    /** Without a transaction: the Session is resource-local, the application commits. */
    public void openResourceLocal(String owner, boolean commit) {
        session.add(new Account(owner, 0));
        if (commit) {
            session.commit();
        } else {
            session.flush();
        }
    }

    /** One request that writes {@code count} rows in one transaction. */
    @ActivateRequestContext
    @Transactional
    public void openMany(String prefix, int count) {
        for (int i = 0; i < count; i++) {
            session.add(new Account(prefix + "-" + i, i));
        }
    }

    /** A request of its own that adds an account to its Session (not flushed) and returns it. */
    @ActivateRequestContext
    public Account addInOwnRequest(String owner) {
        Account account = new Account(owner, 0);
        session.add(account);
        return account;
    }

    /** A request of its own: whether its Session holds {@code account}. */
    @ActivateRequestContext
    public boolean containsInOwnRequest(Account account) {
        return session.contains(account);
    }

    public boolean contains(Object entity) {
        return session.contains(entity);
    }

    /**
     * Writes to both databases, each in its own JTA transaction: Agroal enlists a non-XA connection as the
     * transaction's one last resource, so two databases cannot share a transaction without XA data sources.
     */
    public void record(String owner, String entry) {
        self.openOne(owner);
        self.addLedger(entry);
    }

    @Inject Accounts self; // calls through the proxy, so that @Transactional applies

    @Transactional
    public void openOne(String owner) {
        session.add(new Account(owner, 0));
    }

    @Transactional
    public void addLedger(String entry) {
        orders.add(new Ledger(entry));
    }

    public List<String> owners() {
        return session.scalars(select(Account.class)).all().stream().map(a -> a.owner).sorted().toList();
    }
}
