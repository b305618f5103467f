package dev.athanor.impl.xa;

import dev.athanor.ArgumentError;
import dev.athanor.Engine;
import dev.athanor.EngineOptions;
import dev.athanor.impl.engine.DatabaseUrl;
import dev.athanor.impl.engine.ManagedEngines;
import dev.athanor.impl.engine.ManagedTransactions;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.Objects;

/**
 * Builds XA engines: an Agroal pool over the driver's {@code XADataSource}, whose connections Agroal's Narayana
 * integration enlists (as real XA branches, prepared and committed by the transaction manager) in the JTA
 * transaction of the calling thread, and which is registered for crash recovery with Narayana's recovery manager
 * when the transaction manager is Narayana's (see {@link RecoveringIntegration} and {@link NarayanaRecovery}).
 *
 * {@snippet :
 * Engine engine = XaEngines.create(options, transactionManager, synchronizationRegistry, null);
 * }
 */
public final class XaEngines {
    private XaEngines() {
    }

    /**
     * An XA engine.
     *
     * @param transactions how the engine sees the container's transactions; null: over {@code registry}
     */
    public static Engine create(EngineOptions options, TransactionManager manager,
            TransactionSynchronizationRegistry registry, ManagedTransactions transactions) {
        Objects.requireNonNull(manager, "transactionManager");
        Objects.requireNonNull(registry, "synchronizationRegistry");
        if (!options.replicas().urls().isEmpty()) {
            // a replica's pool is not an XA resource: reads routed to it would run outside the JTA transaction
            throw new ArgumentError("xa(...) and replicas(...) cannot be combined: read-replica routing is not "
                    + "supported for an XA engine (reads routed to a replica would not be part of the JTA "
                    + "transaction); build a separate engine for the replicas");
        }
        RecoveringIntegration integration = new RecoveringIntegration(manager, registry, resourceName(options));
        return ManagedEngines.pooledXa(options, integration,
                transactions != null ? transactions : new RegistryTransactions(registry));
    }

    /**
     * The name of the pool's XA resources in Narayana's log, which recovery matches: the URL without its password,
     * so that the process that recovers (configured with the same URL) finds the branches of the one that crashed.
     */
    static String resourceName(EngineOptions options) {
        return "athanor:" + DatabaseUrl.parse(options.url()).display();
    }
}
