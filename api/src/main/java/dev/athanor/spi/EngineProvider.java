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

    /** When several providers are found, the highest priority wins. */
    default int priority() {
        return 0;
    }
}
