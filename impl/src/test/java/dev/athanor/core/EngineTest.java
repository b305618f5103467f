package dev.athanor.core;

import dev.athanor.ArgumentError;
import dev.athanor.Connection;
import dev.athanor.Engine;
import dev.athanor.EngineListener;
import dev.athanor.OperationalError;
import dev.athanor.StatementEvent;
import dev.athanor.testing.DatabaseTest;
import dev.athanor.testing.StatementRecorder;
import dev.athanor.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static dev.athanor.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The engine: provider discovery, echo logging, events, secrets kept out of logs, unwrap, dispose. */
@DatabaseTest
class EngineTest {

    /** Collects what JBoss Logging writes (through java.util.logging here) to one category. */
    static final class CapturedLog extends Handler implements AutoCloseable {
        final List<LogRecord> records = new ArrayList<>();
        private final Logger logger;

        CapturedLog(String category) {
            logger = Logger.getLogger(category);
            logger.addHandler(this);
        }

        @Override
        public synchronized void publish(LogRecord record) {
            records.add(record);
        }

        synchronized List<String> messages() {
            return records.stream().map(r -> r.getMessage()).toList();
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            logger.removeHandler(this);
        }
    }

    @Test
    void implementationIsFoundThroughServiceLoader(Engine engine) {
        assertThat(engine.getClass().getName()).startsWith("dev.athanor.impl.");
    }

    @Test
    void echoLogsStatementsParametersAndTransactionsAtInfo(TestDatabase db) {
        Engine engine = db.builder().echo(true).poolSize(1).build();
        try (CapturedLog log = new CapturedLog("dev.athanor.engine"); Connection conn = engine.connect()) {
            conn.execute(text("CREATE TABLE logged (id int, password varchar(20))"));
            conn.execute(text("INSERT INTO logged (id, password) VALUES (:id, :password)"),
                    Map.of("id", 7, "password", "hunter2"));
            conn.commit();
            assertThat(log.records).allMatch(r -> r.getLevel().intValue() == Level.INFO.intValue());
            String all = String.join("\n", log.messages());
            assertThat(all).contains("BEGIN (implicit)", "CREATE TABLE logged", "INSERT INTO logged", "id=7",
                    "password=***", "COMMIT");
            assertThat(all).doesNotContain("hunter2");
        } finally {
            engine.dispose();
        }
    }

    @Test
    void withoutEchoNothingIsLoggedAtInfo(TestDatabase db) {
        Engine engine = db.builder().poolSize(1).build();
        try (CapturedLog log = new CapturedLog("dev.athanor.engine"); Connection conn = engine.connect()) {
            conn.execute(text("SELECT 1"));
            assertThat(log.records).noneMatch(r -> r.getLevel().intValue() >= Level.INFO.intValue());
        } finally {
            engine.dispose();
        }
    }

    @Test
    void urlPasswordNeverShows() {
        Engine engine = Engine.builder("postgresql://app:s3cr3t@127.0.0.1:1/nowhere")
                .poolSize(0).maxOverflow(1).poolTimeout(Duration.ofSeconds(2)).build();
        try {
            assertThat(engine.url()).isEqualTo("postgresql://app:***@127.0.0.1:1/nowhere");
            assertThat(engine.toString()).doesNotContain("s3cr3t");
            assertThatThrownBy(engine::connect)
                    .satisfies(e -> assertThat(e).isInstanceOfAny(OperationalError.class,
                            dev.athanor.PoolTimeoutError.class))
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cr3t").contains("app:***@"));
        } finally {
            engine.dispose();
        }
    }

    @Test
    void eventsReportEveryStatementWithItsDurationAndTransactionEnds(Engine engine) {
        List<StatementEvent> seen = new ArrayList<>();
        int[] ends = new int[2];
        EngineListener listener = new EngineListener() {
            @Override
            public void afterExecute(StatementEvent event) {
                seen.add(event);
            }

            @Override
            public void afterCommit() {
                ends[0]++;
            }

            @Override
            public void afterRollback() {
                ends[1]++;
            }
        };
        engine.events().addListener(listener);
        try {
            engine.begin(conn -> {
                conn.execute(text("CREATE TABLE ev (x int)"));
                conn.execute(text("INSERT INTO ev (x) VALUES (:x)"), List.of(Map.of("x", 1), Map.of("x", 2)));
            });
            assertThatThrownBy(() -> engine.begin(conn -> conn.execute(text("SELECT nope FROM ev"))))
                    .isInstanceOf(dev.athanor.ProgrammingError.class);
        } finally {
            engine.events().removeListener(listener);
        }
        assertThat(seen).hasSize(3);
        assertThat(seen.get(0).sql()).isEqualTo("CREATE TABLE ev (x int)");
        assertThat(seen.get(1).sql()).isEqualTo("INSERT INTO ev (x) VALUES (?)");
        assertThat(seen.get(1).batchSize()).isEqualTo(2);
        assertThat(seen).allMatch(e -> e.durationNanos() > 0);
        assertThat(seen.get(2).error()).isInstanceOf(dev.athanor.ProgrammingError.class);
        assertThat(ends).containsExactly(1, 1);

        try (StatementRecorder recorder = StatementRecorder.on(engine)) {
            engine.begin(conn -> conn.execute(text("SELECT 1")));
            engine.events().removeListener(listener); // removing twice is harmless
            assertThat(recorder.count()).isEqualTo(1);
        }
    }

    @Test
    void plainJdbcSharesThePool(Engine engine) throws Exception {
        DataSource dataSource = engine.unwrap(DataSource.class);
        try (java.sql.Connection jdbc = dataSource.getConnection()) {
            assertThat(engine.poolStatus().checkedOut()).isEqualTo(1);
            assertThat(jdbc.getAutoCommit()).as("pooled connections are in manual-commit mode").isFalse();
        }
        assertThat(engine.poolStatus().checkedOut()).isZero();
        assertThatThrownBy(() -> engine.unwrap(String.class)).isInstanceOf(ArgumentError.class)
                .hasMessageContaining("DataSource");
        try (Connection conn = engine.connect()) {
            assertThat(conn.unwrap(java.sql.Connection.class)).isNotNull();
            assertThat(conn.engine()).isSameAs(engine);
        }
    }

    @Test
    void invalidatedConnectionIsNotPooledAgain(TestDatabase db) {
        Engine engine = db.builder().poolSize(1).maxOverflow(0).poolTimeout(Duration.ofSeconds(5)).build();
        try {
            long created;
            try (Connection conn = engine.connect()) {
                conn.execute(text("SELECT 1"));
                created = engine.poolStatus().created();
                conn.invalidate();
                assertThat(conn.isClosed()).isTrue();
            }
            long start = System.nanoTime();
            try (Connection conn = engine.connect()) {   // the full pool refills at once, no wait for the time-out
                conn.execute(text("SELECT 1"));
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
            assertThat(engine.poolStatus().created()).isGreaterThan(created);
            assertThat(engine.poolStatus().checkedOut()).isZero();
        } finally {
            engine.dispose();
        }
    }

    @Test
    void disposeIsIdempotentAndEngineIsAutoCloseable(TestDatabase db) {
        Engine engine;
        try (Engine e = db.builder().poolSize(1).build()) {
            engine = e;
            Object three = e.inTransaction(conn -> conn.scalar(text("SELECT 3")));
            assertThat(((Number) three).intValue()).isEqualTo(3);
        }
        engine.dispose();
        assertThatThrownBy(engine::connect).isInstanceOf(dev.athanor.ResourceClosedError.class)
                .hasMessageContaining("disposed");
    }

    @Test
    void connectArgsReachTheDriver(TestDatabase db) {
        // Each database has a driver property whose effect can be read back.
        Map<String, Object> args = switch (db) {
            case POSTGRESQL -> Map.of("ApplicationName", "athanor-test-app");
            case MARIADB -> Map.of("sessionVariables", "sql_mode='ANSI_QUOTES'");
            case H2 -> Map.of("MODE", "PostgreSQL");
        };
        String probe = switch (db) {
            case POSTGRESQL -> "SELECT current_setting('application_name')";
            case MARIADB -> "SELECT @@sql_mode";
            case H2 -> "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'MODE'";
        };
        Engine engine = db.builder().connectArgs(args).poolSize(1).build();
        try {
            String value = engine.inTransaction(conn -> conn.execute(text(probe)).scalarOne(String.class));
            assertThat(value).containsIgnoringCase(switch (db) {
                case POSTGRESQL -> "athanor-test-app";
                case MARIADB -> "ANSI_QUOTES";
                case H2 -> "PostgreSQL";
            });
        } finally {
            engine.dispose();
        }
    }
}
