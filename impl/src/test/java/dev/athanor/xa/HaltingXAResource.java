package dev.athanor.xa;

import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import java.io.Serializable;

/**
 * A third XA resource that stops the JVM ({@code Runtime.halt}: no shutdown hooks, no cleanup, as a power cut)
 * at a chosen step of two-phase commit. Enlisted <em>first</em> and halting in {@code commit}, it stops the process
 * after every branch is prepared and the decision is logged, before any database branch commits; enlisted
 * <em>last</em> and halting in {@code prepare}, it stops the process after the database branches are prepared but
 * before any decision is logged. It is {@link Serializable}, so Narayana stores it in its log and the recovering
 * process (where {@link #ARMED} is not set) replays it harmlessly.
 */
public final class HaltingXAResource implements XAResource, Serializable {
    private static final long serialVersionUID = 1L;
    /** System property that arms the halt in this JVM: {@code commit} or {@code prepare}. */
    public static final String ARMED = "athanor.test.xa.halt";

    private void haltIf(String step) {
        if (step.equals(System.getProperty(ARMED))) {
            System.out.println("HALT in " + step);
            System.out.flush();
            Runtime.getRuntime().halt(3);
        }
    }

    @Override
    public int prepare(Xid xid) {
        haltIf("prepare");
        return XA_OK;
    }

    @Override
    public void commit(Xid xid, boolean onePhase) {
        haltIf("commit");
    }

    @Override
    public void rollback(Xid xid) {
    }

    @Override
    public void start(Xid xid, int flags) {
    }

    @Override
    public void end(Xid xid, int flags) {
    }

    @Override
    public void forget(Xid xid) {
    }

    @Override
    public Xid[] recover(int flag) {
        return new Xid[0];
    }

    @Override
    public boolean isSameRM(XAResource other) {
        return other == this;
    }

    @Override
    public int getTransactionTimeout() {
        return 0;
    }

    @Override
    public boolean setTransactionTimeout(int seconds) throws XAException {
        return false;
    }
}
