package dev.athanor.impl.xa;

import com.arjuna.ats.internal.jta.recovery.arjunacore.XARecoveryModule;
import com.arjuna.ats.jta.recovery.XAResourceRecoveryHelper;
import jakarta.transaction.TransactionManager;
import org.jboss.logging.Logger;
import org.jboss.tm.XAResourceRecovery;
import org.jboss.tm.XAResourceRecoveryRegistry;

import javax.transaction.xa.XAResource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Registers XA pools with Narayana's recovery manager: Agroal hands each pool's recovery connection factory to this
 * registry, which adds it to Narayana's {@code XARecoveryModule} as an {@code XAResourceRecoveryHelper}. The
 * recovery manager then asks the database for its prepared branches ({@code XAResource.recover}) and commits those
 * whose transaction Narayana logged as committing, and rolls back the rest (presumed abort), after a crash between
 * prepare and commit.
 *
 * <p>{@code XARecoveryModule.getRegisteredXARecoveryModule()} starts the recovery manager of this JVM
 * ({@code RecoveryManager.manager()}: a background scan every two minutes by default) unless the application
 * started one first, e.g. with {@code RecoveryManager.manager(RecoveryManager.DIRECT_MANAGEMENT)} to scan on
 * demand.
 */
final class NarayanaRecovery implements XAResourceRecoveryRegistry {
    private static final Logger LOG = Logger.getLogger("dev.athanor.pool");
    private static final NarayanaRecovery INSTANCE = new NarayanaRecovery();

    private final Map<XAResourceRecovery, Helper> helpers = new ConcurrentHashMap<>();

    private NarayanaRecovery() {
    }

    /**
     * The registry for pools enlisted in {@code manager}'s transactions, or null when {@code manager} is not
     * Narayana's (an application server's own transaction manager recovers the resources it knows itself) or
     * Narayana's recovery module is not on the class path.
     */
    static XAResourceRecoveryRegistry registryFor(TransactionManager manager) {
        if (!manager.getClass().getName().startsWith("com.arjuna.")) {
            LOG.warnf("XA pool: the transaction manager %s is not Narayana's, so Athanor registers no crash recovery "
                    + "for the pool; in-doubt branches must be resolved by that transaction manager or by hand",
                    manager.getClass().getName());
            return null;
        }
        try {
            Class.forName("com.arjuna.ats.internal.jta.recovery.arjunacore.XARecoveryModule", false,
                    NarayanaRecovery.class.getClassLoader());
            return INSTANCE;
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    @Override
    public void addXAResourceRecovery(XAResourceRecovery recovery) {
        XARecoveryModule module = XARecoveryModule.getRegisteredXARecoveryModule();
        if (module == null) {
            LOG.warnf("XA pool: Narayana's recovery manager runs without XARecoveryModule (see "
                    + "RecoveryEnvironmentBean.recoveryModuleClassNames), so in-doubt branches are not recovered");
            return;
        }
        Helper helper = new Helper(recovery);
        helpers.put(recovery, helper);
        module.addXAResourceRecoveryHelper(helper);
    }

    @Override
    public void removeXAResourceRecovery(XAResourceRecovery recovery) {
        Helper helper = recovery == null ? null : helpers.remove(recovery);
        XARecoveryModule module = XARecoveryModule.getRegisteredXARecoveryModule();
        if (helper != null && module != null) {
            module.removeXAResourceRecoveryHelper(helper);
        }
    }

    /** One pool's recovery connections, as Narayana asks for them on each scan. */
    private record Helper(XAResourceRecovery recovery) implements XAResourceRecoveryHelper {
        @Override
        public boolean initialise(String parameter) {
            return true;
        }

        @Override
        public XAResource[] getXAResources() {
            return recovery.getXAResources();
        }
    }
}
