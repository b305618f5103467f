package dev.athanor.quickstart.guestbook;

import dev.athanor.Connection;
import dev.athanor.Engine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.io.PrintStream;
import java.util.List;

import static dev.athanor.Sql.text;

/**
 * What the application does when it starts, in Weld SE ({@link GuestbookMain}) and in an application server (the
 * WAR): signs the guestbook, shows a transaction that rolls back, and lists the entries.
 */
@ApplicationScoped
public class Tour {
    @Inject Guestbook guestbook;
    @Inject Rejections rejections;
    @Inject Engine engine;

    /** {@code self} is the bean's proxy: calling through it applies {@code @ActivateRequestContext}. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event, Tour self) {
        self.run(System.out);
    }

    /** The tour, in one request (one Session) of its own. Every claim it prints is checked in the database first. */
    @ActivateRequestContext
    public void run(PrintStream out) {
        out.println("CDI guestbook on " + engine + " (dialect " + engine.dialectName() + ")");
        long before = committedRows();
        long rejectedBefore = rejections.count("ada");
        long adaBefore = guestbook.count("ada");   // relative: the table may hold rows of earlier runs
        guestbook.sign("ada", "Hello from an injected Session");
        guestbook.sign("grace", "@Transactional committed me");
        check(committedRows() == before + 2, "2 committed entries after sign() twice", before);
        out.println("Signed 2 entries, each in its own JTA transaction.");
        try {
            guestbook.signAll("ada", List.of("first of three", "second of three", " "));
            throw new IllegalStateException("the tour expected signAll to fail on its blank message");
        } catch (IllegalArgumentException e) {
            check(committedRows() == before + 2 && guestbook.count("ada") == adaBefore + 1,
                    "no row of the failed signAll in the database", before);
            out.println("signAll failed (" + e.getMessage() + "): its JTA transaction rolled back both flushed rows.");
            check(rejections.count("ada") == rejectedBefore + 1, "the refusal recorded by REQUIRES_NEW", before);
            out.println("The refusal was recorded in a transaction of its own (REQUIRES_NEW), which committed.");
        }
        out.println("Entries by ada: " + guestbook.by("ada"));
        out.println("All entries:");
        guestbook.all().forEach(entry -> out.println("  " + entry.id + "  " + entry));
        out.println("Pool: " + engine.poolStatus() + "\n  (the reads above are this request's: its Session keeps "
                + "one connection until the request ends)");
    }

    /** The rows of {@code entries} that other connections see, i.e. committed ones (read on a connection of its own). */
    private long committedRows() {
        try (Connection connection = engine.connect()) {
            return ((Number) connection.scalar(text("SELECT COUNT(*) FROM entries"))).longValue();
        }
    }

    private void check(boolean holds, String expected, long before) {
        if (!holds) {
            throw new IllegalStateException("the guestbook tour expected " + expected + " but the database has "
                    + committedRows() + " rows in entries (" + before + " before the tour): the Session did not "
                    + "take part in the JTA transactions as it should");
        }
    }
}
