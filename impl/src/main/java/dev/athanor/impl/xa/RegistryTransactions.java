package dev.athanor.impl.xa;

import dev.athanor.impl.engine.ManagedTransactions;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;

/** {@link ManagedTransactions} over a {@link TransactionSynchronizationRegistry}, for XA engines built in SE. */
final class RegistryTransactions implements ManagedTransactions {
    private final TransactionSynchronizationRegistry registry;

    RegistryTransactions(TransactionSynchronizationRegistry registry) {
        this.registry = registry;
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
}
