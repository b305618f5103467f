package dev.athanor.cdi;

import dev.athanor.InvalidRequestError;
import dev.athanor.asyncio.AsyncEngine;
import dev.athanor.asyncio.AsyncSessionMaker;
import dev.athanor.cdi.model.Note;
import dev.athanor.testing.DatabaseTest;
import dev.athanor.testing.TestDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import static dev.athanor.Sql.select;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The AsyncEngine and AsyncSessionMaker beans in Weld SE with Narayana: application-scoped, refused inside JTA. */
@DatabaseTest
class AsyncInWeldSeTest {

    @ApplicationScoped
    public static class AsyncNotes {
        @Inject AsyncSessionMaker sessions;
        @Inject AsyncEngine engine;

        public AsyncSessionMaker sessions() {
            return sessions;
        }

        public AsyncEngine engine() {
            return engine;
        }

        public CompletionStage<Void> add(String text) {
            return sessions.begin(db -> db.add(new Note(text)));
        }

        public CompletionStage<List<String>> texts() {
            return sessions.inSession(db -> db.scalars(select(Note.class))
                    .thenApply(notes -> notes.all().stream().map(n -> n.text).sorted().toList()));
        }

        @Transactional
        public void insideJta() {
            add("inside").toCompletableFuture().join();
        }
    }

    @BeforeEach
    void clean(TestDatabase db) throws Exception {
        db.resetSchema();
    }

    @Test
    void asyncBeansWorkAndAreRefusedInsideJta(TestDatabase db) throws Exception {
        try (WeldContainer weld = WeldSe.boot(db, Map.of("athanor.schema-generation", "create"), AsyncNotes.class)) {
            AsyncNotes notes = weld.select(AsyncNotes.class).get();
            notes.add("a").toCompletableFuture().join();
            notes.add("b").toCompletableFuture().join();
            assertThat(notes.texts().toCompletableFuture().join()).containsExactly("a", "b");
            assertThat(db.countRows("cdi_notes")).isEqualTo(2);

            // application-scoped: one maker and one engine for the application (behind client proxies)
            assertThat(weld.select(AsyncSessionMaker.class).get().engine()).isSameAs(notes.sessions().engine());
            AsyncEngine engine = weld.select(AsyncEngine.class).get();
            assertThat(engine.status().peakHolding()).isEqualTo(notes.engine().status().peakHolding()).isPositive();

            assertThatThrownBy(notes::insideJta).isInstanceOf(CompletionException.class)
                    .cause().isInstanceOf(InvalidRequestError.class)
                    .hasMessageContaining("inside a JTA transaction").hasMessageContaining("async-in-jta");
            assertThat(db.countRows("cdi_notes")).isEqualTo(2);

            assertThatThrownBy(() -> engine.dispose().toCompletableFuture().join())
                    .hasMessageContaining("belongs to the container");
            assertThat(notes.texts().toCompletableFuture().join()).hasSize(2); // still usable
        }
    }
}
