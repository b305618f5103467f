package dev.athanor.impl.engine;

import dev.athanor.Engine;
import dev.athanor.EngineEvents;
import dev.athanor.PoolStatus;

/**
 * An engine shown through another object (a view with execution options, the container's {@code Engine} bean): what
 * describes the pool (dialect, URL, events, status, unwrapping) is the shown engine's; connecting, transactions and
 * disposal are the view's to define.
 */
public abstract class EngineView implements Engine {
    private final Engine shown;

    protected EngineView(Engine shown) {
        this.shown = shown;
    }

    @Override
    public String dialectName() {
        return shown.dialectName();
    }

    @Override
    public String url() {
        return shown.url();
    }

    @Override
    public EngineEvents events() {
        return shown.events();
    }

    @Override
    public PoolStatus poolStatus() {
        return shown.poolStatus();
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        return shown.unwrap(type);
    }
}
