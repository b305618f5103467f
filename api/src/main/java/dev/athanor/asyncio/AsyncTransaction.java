package dev.athanor.asyncio;

import java.util.concurrent.CompletionStage;

/**
 * A transaction or SAVEPOINT of an {@link AsyncConnection} (SQLAlchemy's {@code AsyncTransaction}).
 *
 * {@snippet :
 * conn.beginNested()
 *     .thenCompose(savepoint -> conn.execute(text("INSERT INTO t VALUES (1)"))
 *             .thenCompose(r -> savepoint.rollback()))        // ROLLBACK TO SAVEPOINT
 *     .thenCompose(v -> conn.commit());
 * }
 */
public interface AsyncTransaction {

    /** Commits it (RELEASE SAVEPOINT for a nested one). */
    CompletionStage<Void> commit();

    /** Rolls it back (ROLLBACK TO SAVEPOINT for a nested one). */
    CompletionStage<Void> rollback();

    boolean isActive();

    boolean isNested();
}
