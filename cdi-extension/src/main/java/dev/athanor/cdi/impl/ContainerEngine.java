package dev.athanor.cdi.impl;

import dev.athanor.Connection;
import dev.athanor.Engine;
import dev.athanor.InvalidRequestError;
import dev.athanor.impl.engine.EngineView;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The {@code Engine} bean: the database's engine, except that only the container disposes it (at shutdown), so that
 * a bean's try-with-resources or {@code close()} cannot close the pool under the rest of the application.
 */
final class ContainerEngine extends EngineView {
    private final Engine engine;

    ContainerEngine(Engine engine) {
        super(engine);
        this.engine = engine;
    }

    @Override
    public Connection connect() {
        return engine.connect();
    }

    @Override
    public void begin(Consumer<Connection> work) {
        engine.begin(work);
    }

    @Override
    public <T> T inTransaction(Function<Connection, T> work) {
        return engine.inTransaction(work);
    }

    @Override
    public Engine executionOptions(dev.athanor.ExecutionOption... options) {
        return engine.executionOptions(options); // a view: its dispose() leaves the pool alone
    }

    @Override
    public void dispose() {
        throw new InvalidRequestError("the injected Engine belongs to the container, which closes its pool at "
                + "shutdown; build an Engine of your own (Engine.builder(url)) to dispose it yourself", null,
                "container-session");
    }

    @Override
    public String toString() {
        return engine.toString();
    }
}
