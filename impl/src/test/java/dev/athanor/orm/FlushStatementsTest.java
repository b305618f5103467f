package dev.athanor.orm;

import dev.athanor.DatabaseError;
import dev.athanor.Engine;
import dev.athanor.StatementEvent;
import dev.athanor.orm.mapping.Column;
import dev.athanor.orm.mapping.Entity;
import dev.athanor.orm.mapping.Id;
import dev.athanor.testing.DatabaseTest;
import dev.athanor.testing.StatementRecorder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Exact statements of the unit of work's INSERT path (issue 14): one batch per entity and column set, generated keys
 * read into the objects in row order, the SQL built once, and on a failed flush every generated key put back.
 */
@DatabaseTest
class FlushStatementsTest {
    private static final int MANY = 10_000;

    @Entity(table = "flush_readings")
    public static class Reading {
        @Id public Integer id;
        @Column(length = 40) public String label;
        @Column public Integer amount;
        @Column(serverDefault = "CURRENT_TIMESTAMP") public OffsetDateTime taken;

        public Reading() {
        }

        Reading(String label, int amount) {
            this.label = label;
            this.amount = amount;
        }
    }

    @Entity(table = "flush_codes")
    public static class Code {
        @Id public Integer id;
        @Column(length = 20, unique = true) public String code;

        public Code() {
        }

        Code(String code) {
            this.code = code;
        }
    }

    private Engine engine;
    private SessionMaker sessions;

    @BeforeEach
    void schema(Engine engine) {
        this.engine = engine;
        Registry registry = Registry.of(Reading.class, Code.class);
        registry.metadata().createAll(engine);
        sessions = SessionMaker.of(engine, registry);
    }

    /** PostgreSQL sends multi-row INSERT ... RETURNING of up to 1,000 rows; the others one JDBC batch. */
    private int expectedInsertStatements(int rows) {
        return engine.dialectName().equals("postgresql") ? (rows + 999) / 1000 : 1;
    }

    @Test
    void insertOneAndCommitIsOneInsertAndOneCommit() {
        Reading reading = new Reading("one", 1);
        reading.taken = OffsetDateTime.now();
        try (StatementRecorder sql = StatementRecorder.on(engine); Session session = sessions.open()) {
            session.add(reading);
            session.commit();
            assertThat(sql.sql()).hasSize(1);
            assertThat(sql.sql().get(0)).startsWith("INSERT INTO ");
            assertThat(sql.events().get(0).batchSize()).isEqualTo(1);
            assertThat(sql.commits()).isEqualTo(1);
            assertThat(sql.rollbacks()).isZero();
        }
        assertThat(reading.id).isEqualTo(1);
    }

    @Test
    void insertTenThousandIsOneBatchWithEveryKeyInRowOrder() {
        List<Reading> readings = new ArrayList<>(MANY);
        for (int i = 0; i < MANY; i++) {
            Reading reading = new Reading("r" + i, i);
            reading.taken = OffsetDateTime.now();
            readings.add(reading);
        }
        try (StatementRecorder sql = StatementRecorder.on(engine); Session session = sessions.open()) {
            session.addAll(readings);
            session.flush();
            session.commit();
            int statements = expectedInsertStatements(MANY);
            assertThat(sql.count()).isEqualTo(statements);
            assertThat(sql.sql()).allMatch(s -> s.startsWith("INSERT INTO "));
            assertThat(sql.events().stream().mapToInt(StatementEvent::batchSize).sum()).isEqualTo(MANY);
            assertThat(sql.commits()).isEqualTo(1);
        }
        for (int i = 0; i < MANY; i++) {
            assertThat(readings.get(i).id).isEqualTo(i + 1);
        }
        try (Session session = sessions.open()) {
            assertThat(session.get(Reading.class, MANY).label).isEqualTo("r" + (MANY - 1));
            assertThat(session.get(Reading.class, 1).amount).isZero();
        }
    }

    @Test
    void rowsOfTwoColumnSetsAreTwoBatchesAndTheServerDefaultIsReadBack() {
        List<Reading> readings = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Reading reading = new Reading("r" + i, i);
            if (i % 3 == 1) {
                reading.taken = OffsetDateTime.parse("2020-01-02T03:04:05Z");
            }
            readings.add(reading);
        }
        try (StatementRecorder sql = StatementRecorder.on(engine); Session session = sessions.open()) {
            session.addAll(readings);
            session.commit();
            List<StatementEvent> events = sql.events();
            // the rows without 'taken' (4), then those with it (2), then one SELECT of the server's values
            assertThat(events).hasSize(expectedInsertStatements(4) + expectedInsertStatements(2) + 1);
            assertThat(events.get(0).sql()).startsWith("INSERT INTO ").doesNotContain("taken");
            assertThat(events.get(events.size() - 2).sql()).startsWith("INSERT INTO ").contains("taken");
            assertThat(events.get(events.size() - 1).sql()).startsWith("SELECT ");
            assertThat(sql.commits()).isEqualTo(1);
        }
        // keys in the order the rows were sent: the first shape's rows, then the second's
        assertThat(readings).extracting(r -> r.id).containsExactly(1, 5, 2, 3, 6, 4);
        assertThat(readings).allMatch(r -> r.taken != null);
        assertThat(readings.get(1).taken.toInstant()).isEqualTo(OffsetDateTime.parse("2020-01-02T03:04:05Z")
                .toInstant());
    }

    @Test
    void twoEntityClassesInOneFlushAreOneBatchEach() {
        try (StatementRecorder sql = StatementRecorder.on(engine); Session session = sessions.open()) {
            for (int i = 0; i < 3; i++) {
                Reading reading = new Reading("r" + i, i);
                reading.taken = OffsetDateTime.now();
                session.add(reading);
                session.add(new Code("c" + i));
            }
            session.commit();
            assertThat(sql.count()).isEqualTo(2);
            assertThat(sql.sql()).anyMatch(s -> s.contains("flush_readings")).anyMatch(s -> s.contains("flush_codes"));
        }
        try (Session session = sessions.open()) {
            assertThat(session.get(Code.class, 3).code).isEqualTo("c2");
            assertThat(session.get(Reading.class, 3).label).isEqualTo("r2");
        }
    }

    @Test
    void aFailedFlushPutsEveryGeneratedKeyBack() {
        List<Reading> readings = new ArrayList<>();
        try (StatementRecorder sql = StatementRecorder.on(engine); Session session = sessions.open()) {
            for (int i = 0; i < 3; i++) {
                Reading reading = new Reading("r" + i, i);
                reading.taken = OffsetDateTime.now();
                readings.add(reading);
                session.add(reading);
            }
            Code first = new Code("same");
            Code second = new Code("same");
            session.add(first);
            session.add(second);
            assertThatThrownBy(session::flush).isInstanceOf(DatabaseError.class);
            assertThat(sql.sql()).anyMatch(s -> s.contains("flush_readings"));   // they were inserted, then undone
            assertThat(readings).allMatch(r -> r.id == null);
            assertThat(first.id).isNull();
            assertThat(second.id).isNull();
            session.rollback();
        }
        try (Session session = sessions.open()) {
            session.addAll(readings);
            session.commit();
        }
        assertThat(readings).allMatch(r -> r.id != null);
    }
}
