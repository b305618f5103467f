package dev.athanor.quickstart.guestbook;

import dev.athanor.Func;
import dev.athanor.orm.Session;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.List;

import static dev.athanor.Sql.select;

/** The application's service: an injected, request-scoped Session that joins the JTA transaction. */
@ApplicationScoped
public class Guestbook {
    @Inject Session session;
    @Inject Rejections rejections;

    /** Signs the book: the entry is flushed before the transaction commits. */
    @Transactional
    public Entry sign(String author, String message) {
        Entry entry = new Entry(author, message);
        session.add(entry);
        return entry;
    }

    /**
     * Signs several entries at once, or none: an empty message fails the transaction, which rolls back; the refusal
     * itself is recorded in a transaction of its own, which commits.
     */
    @Transactional
    public void signAll(String author, List<String> messages) {
        for (String message : messages) {
            if (message.isBlank()) {
                rejections.record(author, "an empty message"); // commits on its own (REQUIRES_NEW)
                throw new IllegalArgumentException("an empty message in " + messages);
            }
            session.add(new Entry(author, message));
            session.flush(); // the rows reach the database now, and still roll back with the transaction
        }
    }

    /** The entries of one author, oldest first. */
    public List<Entry> by(String author) {
        return session.scalars(select(Entry.class).where(Entry_.author.eq(author)).orderBy(Entry_.id)).all();
    }

    /** The entry with this id, or null (read through this request's Session, outside any transaction). */
    public Entry find(long id) {
        return session.get(Entry.class, id);
    }

    /** How many entries {@code author} has. */
    public long count(String author) {
        return (Long) session.scalar(select(Func.count(Entry_.id)).where(Entry_.author.eq(author)));
    }

    public List<Entry> all() {
        return session.scalars(select(Entry.class).orderBy(Entry_.id)).all();
    }
}
