package dev.athanor.testing;

import dev.athanor.Engine;
import dev.athanor.EngineListener;
import dev.athanor.StatementEvent;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Records the statements an engine sends, so a test can assert exactly what SQL ran (SQLAlchemy's
 * {@code assert_sql_count}). Close it to stop recording.
 *
 * {@snippet :
 * try (StatementRecorder sql = StatementRecorder.on(engine)) {
 *     ...
 *     assertThat(sql.count()).isEqualTo(2);
 * }
 * }
 */
public final class StatementRecorder implements EngineListener, AutoCloseable {
    private final Engine engine;
    private final List<StatementEvent> events = Collections.synchronizedList(new ArrayList<>());
    private int commits;
    private int rollbacks;

    private StatementRecorder(Engine engine) {
        this.engine = engine;
    }

    public static StatementRecorder on(Engine engine) {
        StatementRecorder recorder = new StatementRecorder(engine);
        engine.events().addListener(recorder);
        return recorder;
    }

    @Override
    public void afterExecute(StatementEvent event) {
        events.add(event);
    }

    @Override
    public synchronized void afterCommit() {
        commits++;
    }

    @Override
    public synchronized void afterRollback() {
        rollbacks++;
    }

    public int count() {
        return events.size();
    }

    public List<StatementEvent> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    public List<String> sql() {
        return events().stream().map(StatementEvent::sql).toList();
    }

    public synchronized int commits() {
        return commits;
    }

    public synchronized int rollbacks() {
        return rollbacks;
    }

    public void clear() {
        events.clear();
        synchronized (this) {
            commits = 0;
            rollbacks = 0;
        }
    }

    @Override
    public void close() {
        engine.events().removeListener(this);
    }
}
