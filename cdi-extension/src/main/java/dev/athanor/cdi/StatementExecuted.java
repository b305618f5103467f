package dev.athanor.cdi;

import java.time.Duration;

/**
 * A CDI event fired after each statement an Athanor engine executed, for metering. It is fired with the
 * {@link Database @Database("name")} qualifier for a named database and without qualifier for the default one; an
 * observer without qualifier sees both. Observing costs a synchronous event per statement, so the extension
 * fires nothing when the deployment has no observer of this type.
 *
 * <pre>{@code
 * void meter(@Observes StatementExecuted event) {
 *     timer.record(event.duration());
 * }
 * }</pre>
 *
 * <p>An {@link dev.athanor.EngineListener} bean (qualified like the engine it is for) is the other way: the
 * extension adds it to the engine's {@code events()} when it creates the engine.
 *
 * @param database   the database's name, {@code ""} for the default one
 * @param sql        the SQL text as sent to the driver
 * @param batchSize  how many parameter sets were executed with it (1 for a single execution)
 * @param duration   the time the driver took
 * @param error      the failure, or null when the statement succeeded
 */
public record StatementExecuted(String database, String sql, int batchSize, Duration duration, RuntimeException error) {

    /** Whether the statement failed. */
    public boolean failed() {
        return error != null;
    }
}
