package dev.athanor.orm;

import dev.athanor.DatabaseError;
import dev.athanor.Engine;
import dev.athanor.StatementEvent;
import dev.athanor.orm.mapping.Column;
import dev.athanor.orm.mapping.Entity;
import dev.athanor.orm.mapping.Id;
import dev.athanor.orm.mapping.Version;
import dev.athanor.orm.model.Group;
import dev.athanor.orm.model.Node;
import dev.athanor.orm.model.Permission;
import dev.athanor.orm.model.User;
import dev.athanor.orm.mapping.SqlType;
import dev.athanor.testing.DatabaseTest;
import dev.athanor.testing.StatementRecorder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static dev.athanor.Sql.select;
import static dev.athanor.Sql.text;
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

    /**
     * Values whose snapshot is not the field's object (a copy of the bytes, the JSON text) or compares by value
     * (a BigDecimal's scale), a primitive, and a version the INSERT sets.
     */
    @Entity(table = "flush_samples")
    public static class Sample {
        @Id public Integer id;
        @Column(length = 40) public String label;
        @Column(precision = 10, scale = 2) public BigDecimal price;
        @Column public byte[] data;
        @Column(type = SqlType.JSON) public List<String> tags;
        @Column public int count;
        @Version public int version;

        public Sample() {
        }

        Sample(String label, int count) {
            this.label = label;
            this.count = count;
            this.price = new BigDecimal("1.50");
            this.data = new byte[] {1, 2, (byte) count};
            this.tags = new ArrayList<>(List.of("t" + count));
        }
    }

    private Engine engine;
    private SessionMaker sessions;

    @BeforeEach
    void schema(Engine engine) {
        this.engine = engine;
        Registry registry = Registry.of(Reading.class, Code.class, Sample.class);
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
            // the keys and the values read back are in the snapshots: nothing is dirty, the next commit writes nothing
            assertThat(readings).noneMatch(session::isModified);
            session.commit();
            assertThat(sql.count()).isEqualTo(events.size());
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
        Code first = new Code("same");
        Code second = new Code("same");
        try (StatementRecorder sql = StatementRecorder.on(engine); Session session = sessions.open()) {
            for (int i = 0; i < 3; i++) {
                Reading reading = new Reading("r" + i, i);
                reading.taken = OffsetDateTime.now();
                readings.add(reading);
                session.add(reading);
            }
            session.add(first);
            session.add(second);
            assertThatThrownBy(session::flush).isInstanceOf(DatabaseError.class);
            assertThat(sql.sql()).anyMatch(s -> s.contains("flush_readings"));   // they were inserted, then undone
            assertThat(readings).allMatch(r -> r.id == null);
            assertThat(first.id).isNull();
            assertThat(second.id).isNull();
            session.rollback();
            assertThat(session.contains(readings.get(0))).isFalse();   // the objects of the failed flush left it
            // the same session, after rollback(): the objects are inserted again, once each, with their keys
            sql.clear();
            session.addAll(readings);
            second.code = "other";
            session.add(first);
            session.add(second);
            session.commit();
            assertThat(sql.sql()).hasSize(2);   // the readings' INSERT, the codes' INSERT
            assertThat(sql.commits()).isEqualTo(1);
            assertThat(session.isModified(readings.get(2))).isFalse();
        }
        assertThat(readings).allMatch(r -> r.id != null);
        assertThat(readings).extracting(r -> r.id).doesNotHaveDuplicates();
        assertThat(first.id).isNotNull().isNotEqualTo(second.id);
        try (Session session = sessions.open()) {
            assertThat(count("flush_readings")).isEqualTo(3);
            assertThat(session.get(Reading.class, readings.get(2).id).label).isEqualTo("r2");
            assertThat(session.get(Code.class, second.id).code).isEqualTo("other");
        }
    }

    /**
     * The snapshot after an INSERT is the values the INSERT wrote (not the fields read again): an object changed
     * between flush() and commit() is UPDATEd at commit, only it and only its changed columns, whatever the type
     * (a byte array or JSON list changed in place, a version set by the INSERT); equal values (another String
     * object, a BigDecimal of another scale) are not changes.
     */
    @Test
    void anObjectChangedBetweenFlushAndCommitIsUpdatedAtCommit() {
        List<Sample> samples = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            samples.add(new Sample("s" + i, i));
        }
        try (StatementRecorder sql = StatementRecorder.on(engine); Session session = sessions.open()) {
            session.addAll(samples);
            session.flush();
            assertThat(sql.count()).isEqualTo(expectedInsertStatements(samples.size()));
            assertThat(samples).extracting(s -> s.id).containsExactly(1, 2, 3, 4, 5, 6);
            assertThat(samples).allMatch(s -> s.version == 1);
            assertThat(samples).noneMatch(session::isModified);
            assertThat(session.dirtyObjects()).isEmpty();

            samples.get(0).price = new BigDecimal("1.5");              // equal value, other scale: no change
            samples.get(1).label = new String("s2".toCharArray());    // equal text, another object: no change
            samples.get(2).label = "changed";
            samples.get(3).data[0] = 9;                               // in place: the snapshot is a copy
            samples.get(4).tags.add("more");                          // in place: the snapshot is the JSON text
            samples.get(5).count = 60;
            assertThat(session.dirtyObjects()).containsExactlyInAnyOrder(samples.get(2), samples.get(3),
                    samples.get(4), samples.get(5));
            sql.clear();
            session.commit();
            List<StatementEvent> events = sql.events();
            assertThat(events).hasSize(4);   // one UPDATE per column set, each of one row
            assertThat(events).allMatch(e -> e.sql().startsWith("UPDATE ") && e.batchSize() == 1);
            assertThat(sql.sql()).anyMatch(s -> s.contains("SET label = ?")).anyMatch(s -> s.contains("SET data = ?"))
                    .anyMatch(s -> s.contains("SET tags = ")).anyMatch(s -> s.contains("SET count = ?"));
            assertThat(sql.commits()).isEqualTo(1);
            assertThat(samples.get(2).version).isEqualTo(2);   // WHERE version = 1: the INSERT's version
            assertThat(samples.get(1).version).isEqualTo(1);
            session.commit();
            assertThat(sql.count()).isEqualTo(4);   // nothing left to write
        }
        try (Session session = sessions.open()) {
            List<Sample> read = session.scalars(select(Sample.class).orderBy(FlushStatementsTest_Sample_.id)).all();
            assertThat(read).extracting(s -> s.label).containsExactly("s1", "s2", "changed", "s4", "s5", "s6");
            assertThat(read.get(0).price).isEqualByComparingTo("1.50");
            assertThat(read.get(3).data).containsExactly(9, 2, 4);
            assertThat(read.get(4).tags).containsExactly("t5", "more");
            assertThat(read.get(5).count).isEqualTo(60);
            assertThat(read).extracting(s -> s.version).containsExactly(1, 1, 2, 2, 2, 2);
            assertThat(Arrays.equals(read.get(0).data, new byte[] {1, 2, 1})).isTrue();
        }
    }

    private long count(String table) {
        return engine.inTransaction(c -> c.execute(text("SELECT count(*) FROM " + table)).scalarOne(Long.class));
    }

    /**
     * Rows that refer to each other: both inserted with a NULL reference, then one UPDATE sets it; the snapshot is
     * taken after that UPDATE, so the commit finds nothing to write.
     */
    @Test
    void rowsReferringToEachOtherAreCleanAfterTheirSecondUpdate() {
        Registry registry = Registry.of(Node.class);
        registry.metadata().createAll(engine);
        SessionMaker nodes = SessionMaker.of(engine, registry);
        Node a = new Node("a");
        Node b = new Node("b");
        a.parent = b;
        b.children.add(a);
        b.parent = a;
        a.children.add(b);
        try (StatementRecorder sql = StatementRecorder.on(engine); Session session = nodes.open()) {
            session.add(a);
            session.flush();
            List<StatementEvent> events = sql.events();
            assertThat(events).hasSize(2);
            assertThat(events.get(0).sql()).startsWith("INSERT INTO ");
            assertThat(events.get(0).batchSize()).isEqualTo(2);
            assertThat(events.get(1).sql()).startsWith("UPDATE ").contains("parent_id");
            assertThat(a.parentId).isEqualTo(b.id);
            assertThat(b.parentId).isEqualTo(a.id);
            assertThat(session.isModified(a)).isFalse();
            assertThat(session.isModified(b)).isFalse();
            session.commit();
            assertThat(sql.count()).isEqualTo(2);
            assertThat(sql.commits()).isEqualTo(1);
        }
        try (Session session = nodes.open()) {
            assertThat(session.get(Node.class, a.id).parentId).isEqualTo(b.id);
            assertThat(session.get(Node.class, b.id).parentId).isEqualTo(a.id);
        }
    }

    @Test
    void anObjectAddedTwiceIsInsertedOnce() {
        Code a = new Code("a");
        Code b = new Code("b");
        try (StatementRecorder sql = StatementRecorder.on(engine); Session session = sessions.open()) {
            session.add(a);
            session.addAll(List.of(a, b, a));
            session.add(b);
            session.flush();
            assertThat(sql.count()).isEqualTo(1);
            assertThat(sql.events().get(0).batchSize()).isEqualTo(2);
            assertThat(a.id).isEqualTo(1);
            assertThat(b.id).isEqualTo(2);
            session.addAll(List.of(a, b));   // persistent now: nothing to write
            session.commit();
            assertThat(sql.count()).isEqualTo(1);
            assertThat(session.get(Code.class, 2)).isSameAs(b);   // in the identity map: no statement
            assertThat(sql.count()).isEqualTo(1);
        }
        try (Session session = sessions.open()) {
            assertThat(count("flush_codes")).isEqualTo(2);
        }
    }
}
