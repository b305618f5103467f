package dev.athanor.spi;

import dev.athanor.Engine;
import dev.athanor.EngineOptions;

/**
 * Creates engines; the implementation module registers one in
 * {@code META-INF/services/dev.athanor.spi.EngineProvider}, and {@link Engine#create(String)} finds it with
 * {@link java.util.ServiceLoader}, as {@code jakarta.persistence.Persistence} finds its provider.
 *
 * {@snippet :
 * public final class MyProvider implements EngineProvider {
 *     public Engine create(EngineOptions options) { return new MyEngine(options); }
 * }
 * }
 */
public interface EngineProvider {

    /** Builds an engine with these options. */
    Engine create(EngineOptions options);

    /**
     * Builds an engine with an XA pool whose connections are enlisted in the JTA transactions of
     * {@code transactionManager} (see {@link dev.athanor.EngineBuilder#xa}). A provider without XA support refuses.
     */
    default Engine createXa(EngineOptions options, jakarta.transaction.TransactionManager transactionManager,
            jakarta.transaction.TransactionSynchronizationRegistry synchronizationRegistry) {
        throw new dev.athanor.AthanorException(getClass().getName() + " does not support XA engines", null, "no-xa");
    }

    /** When several providers are found, the highest priority wins. */
    default int priority() {
        return 0;
    }
}
