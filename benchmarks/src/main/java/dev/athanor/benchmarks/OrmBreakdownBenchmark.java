package dev.athanor.benchmarks;

import dev.athanor.benchmarks.orm.OrmItem;
import dev.athanor.benchmarks.orm.OrmItem_;
import dev.athanor.orm.Session;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.athanor.Sql.select;

/**
 * Where {@code OrmVsHibernateBenchmark.load1000_athanor}'s time goes beyond the query: the parts of a session's
 * life measured one at a time, each on a session prepared before the invocation (outside the measured time).
 * <ul>
 *   <li>{@code closeAfterLoad1000}: {@code Session.close()} of a session holding 1,000 loaded objects whose
 *   transaction is already over (so no ROLLBACK is sent): the cost of letting go of the objects.</li>
 *   <li>{@code commitAfterLoad1000}: {@code Session.commit()} of a session holding 1,000 loaded, unchanged objects:
 *   dirty checking that finds nothing, and the COMMIT.</li>
 *   <li>{@code openLoad1000}: open a session and load 1,000 objects, without the close (its complement).</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class OrmBreakdownBenchmark {

    static List<OrmItem> load1000(Session session) {
        List<OrmItem> items = session.scalars(select(OrmItem.class).where(OrmItem_.id.le(1000))).all();
        if (items.size() != 1000) {
            throw new IllegalStateException(items.size() + " objects loaded");
        }
        return items;
    }

    /** A session holding 1,000 loaded objects, its transaction open. */
    @State(Scope.Thread)
    public static class LoadedSession {
        Session session;

        @Setup(Level.Invocation)
        public void prepare(OrmDatabase db) {
            session = db.sessions.open();
            load1000(session);
        }

        @TearDown(Level.Invocation)
        public void release() {
            session.close();
        }
    }

    /** A session holding 1,000 loaded objects, its transaction committed (no connection held). */
    @State(Scope.Thread)
    public static class CommittedSession {
        Session session;

        @Setup(Level.Invocation)
        public void prepare(OrmDatabase db) {
            session = db.sessions.open();
            load1000(session);
            session.commit();
        }

        @TearDown(Level.Invocation)
        public void release() {
            session.close();
        }
    }

    /** Closes, after the invocation, the session {@code openLoad1000} opened. */
    @State(Scope.Thread)
    public static class ToClose {
        Session session;

        @TearDown(Level.Invocation)
        public void release() {
            if (session != null) {
                session.close();
                session = null;
            }
        }
    }

    @Benchmark
    public Session closeAfterLoad1000(CommittedSession prepared) {
        prepared.session.close();
        return prepared.session;
    }

    @Benchmark
    public Session commitAfterLoad1000(LoadedSession prepared) {
        prepared.session.commit();
        return prepared.session;
    }

    @Benchmark
    public List<OrmItem> openLoad1000(OrmDatabase db, ToClose toClose) {
        toClose.session = db.sessions.open();
        return load1000(toClose.session);
    }
}
