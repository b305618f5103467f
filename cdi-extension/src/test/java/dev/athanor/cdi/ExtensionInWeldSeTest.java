package dev.athanor.cdi;

import dev.athanor.Engine;
import dev.athanor.EngineListener;
import dev.athanor.StatementEvent;
import dev.athanor.cdi.model.Note;
import dev.athanor.orm.Registry;
import dev.athanor.orm.Session;
import dev.athanor.orm.SessionMaker;
import dev.athanor.testing.DatabaseTest;
import dev.athanor.testing.TestDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.DefinitionException;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.athanor.Sql.select;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The extension in plain Weld SE with Narayana: index discovery, beans, JTA, events, schema generation. */
@DatabaseTest
class ExtensionInWeldSeTest {

    @ApplicationScoped
    public static class Notes {
        @Inject Session session;

        @Transactional
        @ActivateRequestContext
        public void add(String... texts) {
            for (String text : texts) {
                session.add(new Note(text));
            }
        }

        @Transactional
        @ActivateRequestContext
        public void addThenFail(String text) {
            session.add(new Note(text));
            session.flush();
            throw new IllegalStateException("boom");
        }

        @ActivateRequestContext
        public List<String> texts() {
            return session.scalars(select(Note.class)).all().stream().map(n -> n.text).sorted().toList();
        }

        @Transactional
        @ActivateRequestContext
        public void commitInside() {
            session.add(new Note("x"));
            session.commit();
        }
    }

    @ApplicationScoped
    public static class Meter {
        final List<StatementExecuted> events = new CopyOnWriteArrayList<>();

        void seen(@Observes StatementExecuted event) {
            events.add(event);
        }

        List<StatementExecuted> events() {
            return events;
        }
    }

    @ApplicationScoped
    public static class Counting implements EngineListener {
        final List<String> sql = new CopyOnWriteArrayList<>();

        @Override
        public void afterExecute(StatementEvent event) {
            sql.add(event.sql());
        }

        List<String> sql() {
            return sql;
        }
    }

    @BeforeEach
    void clean(TestDatabase db) throws Exception {
        db.resetSchema();
    }

    private static WeldContainer boot(TestDatabase db, Class<?>... beans) {
        return WeldSe.boot(db, Map.of("athanor.schema-generation", "create"), beans);
    }

    @Test
    void indexedEntityIsMappedAndTransactionalCommitsAndRollsBack(TestDatabase db) throws Exception {
        try (WeldContainer weld = boot(db, Notes.class)) {
            Registry registry = weld.select(Registry.class).get();
            assertThat(registry.entities()).containsExactly(Note.class); // from META-INF/athanor/entities
            Notes notes = weld.select(Notes.class).get();
            notes.add("a", "b");
            assertThat(db.countRows("cdi_notes")).isEqualTo(2);
            assertThatThrownBy(() -> notes.addThenFail("c")).hasMessageContaining("boom");
            assertThat(db.countRows("cdi_notes")).isEqualTo(2);
            assertThat(notes.texts()).containsExactly("a", "b");
            assertThatThrownBy(notes::commitInside).hasMessageContaining("session.commit() inside a JTA transaction")
                    .hasMessageContaining("commit-in-jta");
            assertThat(db.countRows("cdi_notes")).isEqualTo(2);
            Engine engine = weld.select(Engine.class).get();
            assertThat(engine.poolStatus().checkedOut()).isZero();
            assertThat(weld.select(SessionMaker.class).get().registry().entities()).containsExactly(Note.class);
        }
    }

    @Test
    void statementsReachObserversAndListenerBeans(TestDatabase db) throws Exception {
        try (WeldContainer weld = boot(db, Notes.class, Meter.class, Counting.class)) {
            weld.select(Notes.class).get().add("a");
            Meter meter = weld.select(Meter.class).get();
            assertThat(meter.events()).anySatisfy(e -> {
                assertThat(e.sql()).containsIgnoringCase("INSERT INTO cdi_notes");
                assertThat(e.duration()).isPositive();
                assertThat(e.database()).isEmpty();
            });
            assertThat(weld.select(Counting.class).get().sql()).anySatisfy(
                    sql -> assertThat(sql).containsIgnoringCase("INSERT INTO cdi_notes"));
        }
    }

    @Test
    void wrongKeysFailTheDeploymentNamingThem(TestDatabase db) {
        assertThatThrownBy(() -> WeldSe.boot(db, Map.of("athanor.pool.size", "many", "athanor.datasource.urll", "x"),
                Notes.class).close())
                .isInstanceOf(DefinitionException.class)
                .hasMessageContaining("athanor.pool.size")
                .hasMessageContaining("athanor.datasource.urll");
    }
}
