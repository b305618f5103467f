package dev.athanor.impl.xa;

import io.agroal.narayana.NarayanaTransactionIntegration;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Agroal's Narayana integration (enlistment of each connection's {@code XAResource}), with the pool's recovery
 * factory registered with Narayana's recovery manager through {@link NarayanaRecovery} when the pool starts, and
 * removed when it closes.
 */
final class RecoveringIntegration extends NarayanaTransactionIntegration {
    private final String name;
    private final boolean recovery;
    private final Map<ResourceRecoveryFactory, NarayanaRecovery> helpers = new ConcurrentHashMap<>();

    RecoveringIntegration(TransactionManager manager, TransactionSynchronizationRegistry registry, String name) {
        super(manager, registry, name, false, false, null);
        this.name = name;
        this.recovery = NarayanaRecovery.availableFor(manager);
    }

    @Override
    public void addResourceRecoveryFactory(ResourceRecoveryFactory factory) {
        if (recovery && factory.isRecoverable()) {
            NarayanaRecovery helper = NarayanaRecovery.register(factory, name);
            if (helper != null) {
                helpers.put(factory, helper);
            }
        }
    }

    @Override
    public void removeResourceRecoveryFactory(ResourceRecoveryFactory factory) {
        NarayanaRecovery helper = helpers.remove(factory);
        if (helper != null) {
            NarayanaRecovery.unregister(helper);
        }
    }
}
