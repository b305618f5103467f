package dev.athanor.spi;

import dev.athanor.AthanorException;
import dev.athanor.Engine;
import dev.athanor.asyncio.AsyncEngine;
import dev.athanor.asyncio.AsyncOptions;
import dev.athanor.asyncio.AsyncSessionMaker;
import dev.athanor.orm.Registry;

import java.util.ServiceLoader;

/**
 * What {@link AsyncEngine} and {@link AsyncSessionMaker} need from athanor-impl, found with {@link ServiceLoader}
 * as {@link EngineProvider} is. Not for applications.
 */
public interface AsyncServices {

    /** An async engine over {@code engine}; {@code ownsEngine}: {@code dispose()} disposes {@code engine} too. */
    AsyncEngine engine(Engine engine, AsyncOptions options, boolean ownsEngine);

    /** A maker of async sessions over {@code engine}; {@code registry} may be null (map classes on first use). */
    AsyncSessionMaker sessionMaker(AsyncEngine engine, Registry registry);

    static AsyncServices get() {
        return Holder.INSTANCE;
    }

    /** Lazy holder: the implementation is looked up once, on first use. */
    final class Holder {
        private Holder() {
        }

        static final AsyncServices INSTANCE = ServiceLoader.load(AsyncServices.class, AsyncServices.class.getClassLoader())
                .findFirst().orElseThrow(() -> new AthanorException("no Athanor implementation on the class path: "
                        + "add the dependency dev.athanor:athanor-impl", null, "no-provider"));
    }
}
