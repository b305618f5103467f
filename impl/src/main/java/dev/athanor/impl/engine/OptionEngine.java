package dev.athanor.impl.engine;

import dev.athanor.Connection;
import dev.athanor.Engine;
import dev.athanor.ExecutionOption;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A view of an engine whose connections start with execution options (SQLAlchemy's {@code OptionEngine}, what
 * {@code Engine.execution_options()} returns): same pool, events and replicas; disposing the view leaves the engine
 * open, since the view does not own it.
 */
final class OptionEngine extends EngineView {
    private final EngineImpl engine;
    private final List<ExecutionOption> options;

    OptionEngine(EngineImpl engine, List<ExecutionOption> options) {
        super(engine);
        this.engine = engine;
        this.options = options;
    }

    @Override
    public Connection connect() {
        return engine.connect().executionOptions(options.toArray(ExecutionOption[]::new));
    }

    @Override
    public void begin(Consumer<Connection> work) {
        inTransaction(conn -> {
            work.accept(conn);
            return null;
        });
    }

    @Override
    public <T> T inTransaction(Function<Connection, T> work) {
        return EngineImpl.inTransaction(connect(), work);
    }

    @Override
    public Engine executionOptions(ExecutionOption... more) {
        return new OptionEngine(engine, ExecutionOption.merge(options, more));
    }

    /** The view owns nothing: the engine it shows stays open. */
    @Override
    public void dispose() {
    }

    @Override
    public String toString() {
        return "Engine(" + engine.url() + ", " + options + ")";
    }
}
