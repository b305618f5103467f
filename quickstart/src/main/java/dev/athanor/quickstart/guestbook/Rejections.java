package dev.athanor.quickstart.guestbook;

import dev.athanor.Func;
import dev.athanor.orm.Session;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import static dev.athanor.Sql.select;

/**
 * The log of refused signatures. {@link #record} runs in a transaction of its own ({@code REQUIRES_NEW}): the
 * caller's transaction is suspended, the injected Session works on a Session bound to the new transaction, and the
 * row commits even when the caller's transaction then rolls back.
 */
@ApplicationScoped
public class Rejections {
    @Inject Session session;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(String author, String reason) {
        session.add(new Rejection(author, reason));
    }

    /** How many signatures of {@code author} were refused. */
    public long count(String author) {
        return (Long) session.scalar(select(Func.count(Rejection_.id)).where(Rejection_.author.eq(author)));
    }
}
