package dev.athanor.impl.asyncio;

import dev.athanor.ArgumentError;
import dev.athanor.Engine;
import dev.athanor.asyncio.AsyncEngine;
import dev.athanor.asyncio.AsyncOptions;
import dev.athanor.asyncio.AsyncSessionMaker;
import dev.athanor.orm.Registry;
import dev.athanor.orm.SessionMaker;
import dev.athanor.spi.AsyncServices;

/** The {@link AsyncServices} of athanor-impl (found by {@code ServiceLoader}). */
public final class AsyncServicesImpl implements AsyncServices {

    @Override
    public AsyncEngine engine(Engine engine, AsyncOptions options, boolean ownsEngine) {
        if (engine == null) {
            throw new ArgumentError("AsyncEngine.of() needs an Engine");
        }
        return new AsyncEngineImpl(engine, options == null ? AsyncOptions.DEFAULTS : options, ownsEngine);
    }

    @Override
    public AsyncSessionMaker sessionMaker(AsyncEngine engine, Registry registry) {
        if (!(engine instanceof AsyncEngineImpl impl)) {
            throw new ArgumentError("AsyncSessionMaker.of() needs an AsyncEngine of athanor-impl, got " + engine);
        }
        SessionMaker sessions = registry == null ? SessionMaker.of(engine.sync()) : SessionMaker.of(engine.sync(), registry);
        return new AsyncSessionMakerImpl(impl, sessions, false);
    }
}
