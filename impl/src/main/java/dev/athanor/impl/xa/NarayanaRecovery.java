package dev.athanor.impl.xa;

import com.arjuna.ats.internal.jta.recovery.arjunacore.XARecoveryModule;
import com.arjuna.ats.jta.recovery.XAResourceRecoveryHelper;
import io.agroal.api.transaction.TransactionIntegration.ResourceRecoveryFactory;
import jakarta.transaction.TransactionManager;
import org.jboss.logging.Logger;

import javax.sql.XAConnection;
import javax.transaction.xa.XAResource;
import java.sql.SQLException;

/**
 * One XA pool's registration with Narayana's recovery manager: an {@code XAResourceRecoveryHelper} added to
 * Narayana's {@code XARecoveryModule} that, on each recovery scan, opens a connection through the pool's recovery
 * factory (the same {@code XADataSource}, URL and credentials) and hands its {@code XAResource} to Narayana. The
 * recovery manager asks it for the database's prepared branches ({@code XAResource.recover}), commits those whose
 * transaction Narayana logged as committing, and rolls back the others of this node (presumed abort).
 *
 * <p>The connection of a scan stays open until the next scan or until the pool closes, because Narayana commits or
 * rolls back the branches it found after {@code recover} returned. Agroal's own recovery wrapper is not used: when
 * a call fails it hides the driver's error behind a {@code NullPointerException} (agroal-narayana 3.2.1). The
 * factory is the pool's connection factory, not the pool ({@code poolRecovery(false)}, see ConnectionPool).
 *
 * <p>{@code XARecoveryModule.getRegisteredXARecoveryModule()} starts the recovery manager of this JVM
 * ({@code RecoveryManager.manager()}: a background scan every two minutes by default) unless the application
 * started one first, e.g. {@code RecoveryManager.manager(RecoveryManager.DIRECT_MANAGEMENT)} to scan on demand.
 */
final class NarayanaRecovery implements XAResourceRecoveryHelper {
    private static final Logger LOG = Logger.getLogger("dev.athanor.pool");
    private static final XAResource[] NONE = new XAResource[0];

    private final ResourceRecoveryFactory factory;
    private final String name;
    private XAConnection connection; // the connection of the latest scan

    private NarayanaRecovery(ResourceRecoveryFactory factory, String name) {
        this.factory = factory;
        this.name = name;
    }

    /**
     * Whether pools enlisted in {@code manager}'s transactions can be registered: {@code manager} is Narayana's and
     * its recovery module is on the class path. Another transaction manager (an application server's) recovers
     * the resources it knows itself.
     */
    static boolean availableFor(TransactionManager manager) {
        if (!manager.getClass().getName().startsWith("com.arjuna.")) {
            LOG.warnf("XA pool: the transaction manager %s is not Narayana's, so Athanor registers no crash recovery "
                    + "for the pool; in-doubt branches must be resolved by that transaction manager or by hand",
                    manager.getClass().getName());
            return false;
        }
        try {
            Class.forName("com.arjuna.ats.internal.jta.recovery.arjunacore.XARecoveryModule", false,
                    NarayanaRecovery.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Registers a pool's recovery factory; the returned helper is handed back to {@link #unregister}. */
    static NarayanaRecovery register(ResourceRecoveryFactory factory, String name) {
        XARecoveryModule module = XARecoveryModule.getRegisteredXARecoveryModule();
        if (module == null) {
            LOG.warnf("XA pool %s: Narayana's recovery manager runs without XARecoveryModule (see "
                    + "RecoveryEnvironmentBean.recoveryModuleClassNames), so in-doubt branches are not recovered", name);
            return null;
        }
        NarayanaRecovery helper = new NarayanaRecovery(factory, name);
        module.addXAResourceRecoveryHelper(helper);
        return helper;
    }

    /** Removes the helper (the pool is closing) and closes its connection. */
    static void unregister(NarayanaRecovery helper) {
        XARecoveryModule module = XARecoveryModule.getRegisteredXARecoveryModule();
        if (module != null) {
            module.removeXAResourceRecoveryHelper(helper); // waits for a scan in progress
        }
        helper.closeConnection();
    }

    @Override
    public boolean initialise(String parameter) {
        return true;
    }

    @Override
    public synchronized XAResource[] getXAResources() {
        closeConnection();
        try {
            connection = factory.getRecoveryConnection();
            return new XAResource[] {connection.getXAResource()};
        } catch (SQLException e) {
            LOG.warnf("XA recovery of %s cannot connect this scan: %s", name, e.getMessage());
            closeConnection();
            return NONE;
        }
    }

    private synchronized void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.debugf("closing the XA recovery connection of %s: %s", name, e.getMessage());
            }
            connection = null;
        }
    }
}
