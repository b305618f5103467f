package dev.athanor.quickstart.guestbook;

import dev.athanor.Engine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.io.PrintStream;
import java.util.List;

/**
 * What the application does when it starts, in Weld SE ({@link GuestbookMain}) and in an application server (the
 * WAR): signs the guestbook, shows a transaction that rolls back, and lists the entries.
 */
@ApplicationScoped
public class Tour {
    @Inject Guestbook guestbook;
    @Inject Engine engine;

    /** {@code self} is the bean's proxy: calling through it applies {@code @ActivateRequestContext}. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event, Tour self) {
        self.run(System.out);
    }

    /** The tour, in one request (one Session) of its own. */
    @ActivateRequestContext
    public void run(PrintStream out) {
        out.println("CDI guestbook on " + engine + " (dialect " + engine.dialectName() + ")");
        guestbook.sign("ada", "Hello from an injected Session");
        guestbook.sign("grace", "@Transactional committed me");
        out.println("Signed 2 entries, each in its own JTA transaction.");
        try {
            guestbook.signAll("ada", List.of("first of three", "second of three", " "));
        } catch (IllegalArgumentException e) {
            out.println("signAll failed (" + e.getMessage() + "): its JTA transaction rolled back both flushed rows.");
        }
        out.println("Entries by ada: " + guestbook.by("ada"));
        out.println("All entries:");
        guestbook.all().forEach(entry -> out.println("  " + entry.id + "  " + entry));
        out.println("Pool: " + engine.poolStatus() + "\n  (the reads above are this request's: its Session keeps "
                + "one connection until the request ends)");
    }
}
