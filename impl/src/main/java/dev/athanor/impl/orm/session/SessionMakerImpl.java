package dev.athanor.impl.orm.session;

import dev.athanor.Engine;
import dev.athanor.impl.orm.mapping.RegistryImpl;
import dev.athanor.orm.NPlusOneGuard;
import dev.athanor.orm.Registry;
import dev.athanor.orm.Session;
import dev.athanor.orm.SessionMaker;

import java.util.function.Consumer;
import java.util.function.Function;

/** Makes sessions with one engine, registry and configuration. */
public final class SessionMakerImpl implements SessionMaker {
    private final Engine engine;
    private final RegistryImpl registry;
    private final boolean autoflush;
    private final NPlusOneGuard guard;

    public SessionMakerImpl(Engine engine, RegistryImpl registry, boolean autoflush) {
        this(engine, registry, autoflush, NPlusOneGuard.DEFAULT);
    }

    public SessionMakerImpl(Engine engine, RegistryImpl registry, boolean autoflush, NPlusOneGuard guard) {
        this.engine = engine;
        this.registry = registry;
        this.autoflush = autoflush;
        this.guard = guard;
    }

    @Override
    public Session open() {
        return new SessionImpl(engine, registry, autoflush, guard);
    }

    @Override
    public SessionMaker withNPlusOneGuard(NPlusOneGuard value) {
        if (value == null) {
            throw new dev.athanor.ArgumentError("withNPlusOneGuard() needs a guard; NPlusOneGuard.off() turns it off");
        }
        return new SessionMakerImpl(engine, registry, autoflush, value);
    }

    @Override
    public void begin(Consumer<Session> work) {
        inTransaction(session -> {
            work.accept(session);
            return null;
        });
    }

    @Override
    public <T> T inTransaction(Function<Session, T> work) {
        try (Session session = open()) {
            T value;
            try {
                value = work.apply(session);
                session.commit();
            } catch (RuntimeException | Error e) {
                try {
                    session.rollback();
                } catch (RuntimeException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            }
            return value;
        }
    }

    @Override
    public SessionMaker readOnly() {
        return new SessionMakerImpl(engine.executionOptions(dev.athanor.Routing.REPLICA), registry, autoflush, guard);
    }

    @Override
    public SessionMaker withAutoflush(boolean value) {
        return new SessionMakerImpl(engine, registry, value, guard);
    }

    @Override
    public Engine engine() {
        return engine;
    }

    @Override
    public Registry registry() {
        return registry;
    }
}
