package dev.athanor.impl.engine;

import dev.athanor.Engine;
import dev.athanor.EngineOptions;
import dev.athanor.spi.EngineProvider;

/** The {@link EngineProvider} of athanor-impl, registered in {@code META-INF/services}. */
public final class AthanorEngineProvider implements EngineProvider {

    @Override
    public Engine create(EngineOptions options) {
        return new EngineImpl(options);
    }

    @Override
    public Engine createXa(EngineOptions options, jakarta.transaction.TransactionManager transactionManager,
            jakarta.transaction.TransactionSynchronizationRegistry synchronizationRegistry) {
        return dev.athanor.impl.xa.XaEngines.create(options, transactionManager, synchronizationRegistry, null);
    }
}
