package dev.athanor.impl.xa;

import dev.athanor.impl.engine.ManagedTransactions;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * {@link ManagedTransactions} over a {@link TransactionSynchronizationRegistry}: for XA engines built in SE, and the
 * base of the CDI extension's view of the container's transactions (one reading of the registry's status for both).
 */
public class RegistryTransactions implements ManagedTransactions {
    private final TransactionSynchronizationRegistry registry;

    public RegistryTransactions(TransactionSynchronizationRegistry registry) {
        this.registry = registry;
    }

    /** The registry this reads and dooms transactions through. */
    public final TransactionSynchronizationRegistry registry() {
        return registry;
    }

    /** A transaction marked rollback-only is still active: work joins it (and is rolled back with it). */
    @Override
    public final boolean isActive() {
        int status = registry.getTransactionStatus();
        return status == Status.STATUS_ACTIVE || status == Status.STATUS_MARKED_ROLLBACK;
    }

    @Override
    public final void setRollbackOnly() {
        registry.setRollbackOnly();
    }
}
