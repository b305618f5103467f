package dev.athanor.tck.cdi;

import dev.athanor.Engine;
import dev.athanor.asyncio.AsyncEngine;
import dev.athanor.asyncio.AsyncSessionMaker;
import dev.athanor.cdi.Database;
import dev.athanor.tck.cdi.model.Account;
import dev.athanor.tck.cdi.model.Ledger;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static dev.athanor.Sql.select;
import static dev.athanor.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code @Inject AsyncSessionMaker} / {@code AsyncEngine} of each database (spec sections 11 and 12), api only. */
@Tag("database")
@ExtendWith(ArquillianExtension.class)
class AsyncBeansTest {

    @Deployment
    static JavaArchive deployment() {
        return Tck.archive(Tck.withOrders(Tck.defaultDatabase("drop-and-create")), Tck.class, CdiBeansTest.class);
    }

    @Inject AsyncSessionMaker sessions;
    @Inject AsyncEngine asyncEngine;
    @Inject @Database("orders") AsyncSessionMaker ordersSessions;
    @Inject Engine engine;

    @Test
    void asyncSessionMakerIsInjectedForEachDatabase() throws Exception {
        CdiBeansTest.empty();
        sessions.begin(db -> db.add(new Account("async", 5)))
                .thenCompose(v -> ordersSessions.begin(db -> db.add(new Ledger("async entry"))))
                .toCompletableFuture().join();
        List<String> owners = sessions.inSession(db -> db.execute(select(Account.class))
                .thenApply(result -> result.scalars().all().stream().map(a -> a.owner).toList()))
                .toCompletableFuture().join();
        assertThat(owners).containsExactly("async");
        long ledger = ordersSessions.inSession(db -> db.scalar(text("SELECT count(*) FROM tck_ledger"))
                .thenApply(n -> ((Number) n).longValue())).toCompletableFuture().join();
        assertThat(ledger).isEqualTo(1);
        Object accounts = engine.inTransaction(c -> c.scalar(text("SELECT count(*) FROM tck_accounts")));
        assertThat(((Number) accounts).longValue()).isEqualTo(1);
        Object viaEngine = asyncEngine.inTransaction(conn -> conn.scalar(text("SELECT balance FROM tck_accounts")))
                .toCompletableFuture().join();
        assertThat(((Number) viaEngine).intValue()).isEqualTo(5);
    }
}
