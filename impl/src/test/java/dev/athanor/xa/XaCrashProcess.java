package dev.athanor.xa;

import com.arjuna.ats.arjuna.common.recoveryPropertyManager;
import com.arjuna.ats.arjuna.recovery.RecoveryManager;
import com.arjuna.ats.internal.jta.transaction.arjunacore.TransactionSynchronizationRegistryImple;
import com.arjuna.ats.jta.common.jtaPropertyManager;
import dev.athanor.Connection;
import dev.athanor.Engine;
import dev.athanor.testing.TestDatabase;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.Map;

import static dev.athanor.Sql.text;

/**
 * The forked JVMs of {@link XaCrashRecoveryTest}: {@code crash <id> <commit|prepare>} writes one row to PostgreSQL
 * and one to MariaDB in one JTA transaction through Athanor's XA engines and halts at the chosen step;
 * {@code recover} builds the same engines with Narayana's recovery manager in direct mode and scans until neither
 * database holds a prepared branch (or 10 scans).
 */
public final class XaCrashProcess {
    private XaCrashProcess() {
    }

    public static void main(String[] args) throws Exception {
        TransactionManager tm = com.arjuna.ats.jta.TransactionManager.transactionManager();
        TransactionSynchronizationRegistry tsr = new TransactionSynchronizationRegistryImple();
        XaPair pair = XaPair.forRun(TestDatabase.POSTGRESQL);
        if (args[0].equals("crash")) {
            crash(tm, tsr, pair, Integer.parseInt(args[1]), args[2]);
        } else {
            recover(tm, tsr, pair);
        }
    }

    private static void crash(TransactionManager tm, TransactionSynchronizationRegistry tsr, XaPair pair, int id,
            String step) throws Exception {
        System.setProperty(HaltingXAResource.ARMED, step);
        Engine pg = pair.first().xaEngine(tm, tsr);
        Engine maria = pair.second().xaEngine(tm, tsr);
        tm.begin();
        if (step.equals("commit")) {
            tm.getTransaction().enlistResource(new HaltingXAResource()); // first: committed first
        }
        try (Connection a = pg.connect(); Connection b = maria.connect()) {
            a.execute(text("INSERT INTO xa_crash (id, label) VALUES (:id, 'pg')"), Map.of("id", id));
            b.execute(text("INSERT INTO xa_crash (id, label) VALUES (:id, 'mariadb')"), Map.of("id", id));
        }
        if (step.equals("prepare")) {
            tm.getTransaction().enlistResource(new HaltingXAResource()); // last: prepared after both databases
        }
        tm.commit();
        System.out.println("NOT HALTED");
        System.exit(1);
    }

    private static void recover(TransactionManager tm, TransactionSynchronizationRegistry tsr, XaPair pair)
            throws Exception {
        // Presumed abort needs a branch seen in two scans this far apart (20 s by default); the test needs no wait.
        jtaPropertyManager.getJTAEnvironmentBean().setOrphanSafetyInterval(1);
        recoveryPropertyManager.getRecoveryEnvironmentBean().setRecoveryBackoffPeriod(1);
        RecoveryManager manager = RecoveryManager.manager(RecoveryManager.DIRECT_MANAGEMENT);
        Engine pg = pair.first().xaEngine(tm, tsr);     // registers both pools with the XARecoveryModule
        Engine maria = pair.second().xaEngine(tm, tsr);
        int scans = 0;
        long start = System.nanoTime();
        while (scans < 10 && pair.first().preparedBranches() + pair.second().preparedBranches() > 0) {
            manager.scan();
            scans++;
        }
        System.out.println("SCANS " + scans + " MILLIS " + (System.nanoTime() - start) / 1_000_000);
        System.out.flush();
        manager.terminate();
        pg.dispose();
        maria.dispose();
        System.exit(0);
    }
}
