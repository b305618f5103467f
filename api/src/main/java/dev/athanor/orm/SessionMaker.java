package dev.athanor.orm;

import dev.athanor.Engine;
import dev.athanor.RetryPolicy;
import dev.athanor.spi.OrmServices;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A factory of sessions with one configuration (SQLAlchemy's {@code sessionmaker}); thread-safe, made once per
 * application.
 *
 * {@snippet :
 * SessionMaker sessions = SessionMaker.of(engine, registry);
 * sessions.begin(session -> session.add(user));          // commit at the end, rollback on exception
 * long n = sessions.inTransaction(session -> session.scalars(select(User.class)).all().size());
 * try (Session session = sessions.open()) { ... }
 * }
 */
public interface SessionMaker {

    /** Sessions on {@code engine}; annotated classes are mapped on first use. */
    static SessionMaker of(Engine engine) {
        return OrmServices.get().sessionMaker(engine, null);
    }

    /** Sessions on {@code engine} for the classes of {@code registry}. */
    static SessionMaker of(Engine engine, Registry registry) {
        return OrmServices.get().sessionMaker(engine, registry);
    }

    /** A new session; close it (try-with-resources). */
    Session open();

    /** Runs {@code work} in a new session and commits; rolls back and rethrows if it throws; closes the session. */
    void begin(Consumer<Session> work);

    /** As {@link #begin}, returning what {@code work} returns. */
    <T> T inTransaction(Function<Session, T> work);

    /**
     * As {@link #begin(Consumer)}, running the whole block again in a new session after a transient error
     * (serialization failure, deadlock, lost connection) as {@code policy} says. Objects loaded in a failed attempt
     * belong to its closed session: load again inside the block.
     *
     * {@snippet :
     * sessions.begin(RetryPolicy.defaults(), session -> {
     *     Account from = session.get(Account.class, 1);
     *     Account to = session.get(Account.class, 2);
     *     from.balance -= 10;
     *     to.balance += 10;
     * });
     * }
     */
    default void begin(RetryPolicy policy, Consumer<Session> work) {
        policy.execute(() -> {
            begin(work);
            return null;
        });
    }

    /** As {@link #inTransaction(Function)}, retried as {@link #begin(RetryPolicy, Consumer)} is. */
    default <T> T inTransaction(RetryPolicy policy, Function<Session, T> work) {
        return policy.execute(() -> inTransaction(work));
    }

    /** The same maker with autoflush on or off for its sessions (default on). */
    SessionMaker withAutoflush(boolean autoflush);

    /**
     * The same maker with this N+1 detector for its sessions (default {@link NPlusOneGuard#DEFAULT}: warn at more
     * than 20 lazy loads of one relationship between flushes).
     */
    default SessionMaker withNPlusOneGuard(NPlusOneGuard guard) {
        throw new UnsupportedOperationException("this SessionMaker has no N+1 guard");
    }

    /**
     * The same maker for sessions that read from the engine's read replicas (its connections carry
     * {@link dev.athanor.Routing#REPLICA}). A write in such a session still goes to the primary, and every statement
     * after it in that transaction too, so the session reads its own writes; without replicas it is this maker.
     *
     * {@snippet :
     * SessionMaker readers = sessions.readOnly();
     * List<User> users = readers.inTransaction(s -> s.scalars(select(User.class)).all()); // on a replica
     * }
     */
    default SessionMaker readOnly() {
        throw new UnsupportedOperationException("this SessionMaker cannot route reads to replicas");
    }

    Engine engine();

    /** The registry used; with {@code of(engine)} it grows as classes are used. */
    Registry registry();
}
