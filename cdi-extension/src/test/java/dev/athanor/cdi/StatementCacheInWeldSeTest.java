package dev.athanor.cdi;

import dev.athanor.Connection;
import dev.athanor.Engine;
import dev.athanor.asyncio.AsyncEngine;
import dev.athanor.impl.engine.StatementCaches;
import dev.athanor.impl.pool.StatementCache;
import dev.athanor.testing.DatabaseTest;
import dev.athanor.testing.TestDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.PreparedStatement;
import java.util.Map;

import static dev.athanor.Sql.text;
import static dev.athanor.impl.engine.StatementCaches.cached;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code athanor.pool.statement-cache-size} in Weld SE with Narayana: it reaches the engine of the JTA pool, whose
 * {@code @Transactional} methods reuse the statement cached by the first one (and commit or roll back its work with
 * their transaction), and the AsyncEngine bean over the same pool; 0 turns the cache off.
 */
@DatabaseTest
class StatementCacheInWeldSeTest {
    private static final String INSERT = "INSERT INTO cdi_cached (id) VALUES (?)";

    @ApplicationScoped
    public static class Writer {
        @Inject Engine engine;

        @Transactional
        public void add(int id) {
            try (Connection conn = engine.connect()) {
                conn.execute(text("INSERT INTO cdi_cached (id) VALUES (:id)"), Map.of("id", id));
            }
        }

        @Transactional
        public void addThenFail(int id) {
            add(id);
            throw new IllegalStateException("refused after the insert");
        }
    }

    @BeforeEach
    void table(TestDatabase db) throws Exception {
        db.resetSchema();
        try (java.sql.Connection c = db.adminConnection(); java.sql.Statement st = c.createStatement()) {
            st.execute("CREATE TABLE cdi_cached (id INTEGER PRIMARY KEY)");
        }
    }

    private static WeldContainer boot(TestDatabase db, String cacheSize) {
        // one pooled connection: every transaction meets the same physical connection and its cache
        return WeldSe.boot(db, Map.of("athanor.pool.size", "1", "athanor.pool.max-overflow", "0",
                "athanor.pool.statement-cache-size", cacheSize), Writer.class);
    }

    private static StatementCache cacheOf(Engine engine) {
        try (Connection conn = engine.connect()) {
            return StatementCaches.of(engine, conn);
        }
    }

    @Test
    void theConfiguredCacheServesTheTransactionsOfTheJtaPoolAndTheAsyncEngine(TestDatabase db) throws Exception {
        try (WeldContainer weld = boot(db, "3")) {
            Writer writer = weld.select(Writer.class).get();
            Engine engine = weld.select(Engine.class).get();
            StatementCache cache = cacheOf(engine);
            assertThat(cache).isNotNull();

            writer.add(1);
            PreparedStatement statement = cached(cache, INSERT);
            assertThat(statement).isNotNull();
            long misses = cache.misses();
            assertThatThrownBy(() -> writer.addThenFail(2)).hasMessageContaining("refused after the insert");
            writer.add(3);
            assertThat(db.countRows("cdi_cached")).isEqualTo(2);   // 1 and 3: 2 rolled back with its transaction
            assertThat(cache.misses()).isEqualTo(misses);
            assertThat(cached(cache, INSERT)).isSameAs(statement);

            AsyncEngine async = weld.select(AsyncEngine.class).get();
            assertThat(cacheOf(async.sync())).isSameAs(cache);   // the same engine, the same pool
            for (int id = 4; id <= 5; id++) {
                int row = id;
                async.begin(conn -> conn.execute(text("INSERT INTO cdi_cached (id) VALUES (:id)"), Map.of("id", row)))
                        .toCompletableFuture().join();
            }
            assertThat(db.countRows("cdi_cached")).isEqualTo(4);
            assertThat(cache.misses()).isEqualTo(misses);
            assertThat(cached(cache, INSERT)).isSameAs(statement);
            assertThat(engine.poolStatus().checkedOut()).isZero();
        }
    }

    @Test
    void sizeZeroTurnsTheCacheOff(TestDatabase db) throws Exception {
        try (WeldContainer weld = boot(db, "0")) {
            Engine engine = weld.select(Engine.class).get();
            assertThat(cacheOf(engine)).isNull();
            weld.select(Writer.class).get().add(1);
            assertThat(db.countRows("cdi_cached")).isEqualTo(1);
        }
    }
}
