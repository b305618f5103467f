package dev.athanor.asyncio;

import dev.athanor.Engine;
import dev.athanor.orm.Registry;
import dev.athanor.testing.DatabaseTest;
import dev.athanor.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.athanor.Sql.select;
import static dev.athanor.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;

/** The spec's section 11 example, as written, on the test database. */
@DatabaseTest
class AsyncExampleTest {

    @Test
    void sectionElevenAsWritten(Engine blocking, TestDatabase testDatabase) {
        String url = testDatabase.sqlalchemyUrl();
        Registry registry = Registry.of(A.class);
        A a = new A("first");
        List<List<A>> seen = new java.util.ArrayList<>();

        AsyncEngine engine = AsyncEngine.create(url);               // AsyncEngine.builder(url)...build() as in section 1
        AsyncSessionMaker sessions = AsyncSessionMaker.of(engine);
        engine.begin(conn -> conn.runSync(c -> registry.metadata().createAll(c)))       // CompletionStage<Void>
              .thenCompose(v -> sessions.begin(db -> db.add(a)))                         // one AsyncSession per task
              .thenCompose(v -> sessions.inSession(db -> db.execute(select(A.class))
                      .thenApply(result -> result.scalars().all())))                    // CompletionStage<List<A>>
              .thenApply(list -> { seen.add(list); return list; })                      // (the test looks at the list)
              .thenCompose(list -> engine.dispose())
              .toCompletableFuture().join();

        assertThat(seen.get(0)).extracting(x -> x.data).containsExactly("first");
        assertThat(seen.get(0).get(0).id).isNotNull().isEqualTo(a.id);
        Long rows = blocking.inTransaction(c -> c.execute(text("SELECT count(*) FROM a")).scalarOne(Long.class));
        assertThat(rows).isEqualTo(1L);
    }
}
