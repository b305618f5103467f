package dev.athanor.impl.routing;

import dev.athanor.Connection;
import dev.athanor.Engine;
import dev.athanor.Routing;
import dev.athanor.TextClause;
import dev.athanor.impl.engine.EngineImpl;
import dev.athanor.orm.Registry;
import dev.athanor.orm.Session;
import dev.athanor.orm.SessionMaker;
import dev.athanor.schema.Schema;
import dev.athanor.testing.DatabaseTest;
import dev.athanor.testing.SiblingDatabases;
import dev.athanor.testing.StatementRecorder;
import dev.athanor.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.athanor.Sql.select;
import static dev.athanor.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The routing rules on every database, with sibling databases standing in for replicas (each holds a different
 * {@code whoami} row, so a read names the server that ran it). Real streaming replicas: {@link StreamingReplicaTest}.
 */
@DatabaseTest
class ReadRoutingTest {
    private static final TextClause WHO = text("SELECT name FROM whoami");

    private Engine engine;

    @BeforeEach
    void replicas(Engine primary, TestDatabase db) throws Exception {
        primary.begin(c -> {
            c.execute(text("CREATE TABLE whoami (name VARCHAR(40))"));
            c.execute(text("INSERT INTO whoami VALUES ('primary')"));
            c.execute(text("CREATE TABLE routing_notes (id INTEGER PRIMARY KEY, text VARCHAR(40))"));
            c.execute(text("INSERT INTO routing_notes VALUES (1, 'primary')"));
        });
        engine = db.builder()
                .replicas(SiblingDatabases.prepare(db, 1, "replica1"), SiblingDatabases.prepare(db, 2, "replica2"))
                .replicaCheckInterval(Duration.ofMillis(200))
                .poolSize(1)
                .build();
    }

    @AfterEach
    void dispose() {
        engine.dispose();
    }

    private static String who(Connection conn, TextClause statement) {
        return conn.execute(statement).scalarOne(String.class);
    }

    @Test
    void markedReadsGoToReplicasRoundRobinAndUnmarkedOnesToThePrimary() {
        List<String> servers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            try (Connection conn = engine.connect()) {
                servers.add(who(conn, WHO.executionOptions(Routing.REPLICA)));
                servers.add(who(conn, WHO));
            }
        }
        assertThat(servers).containsExactly("replica1", "primary", "replica2", "primary", "replica1", "primary",
                "replica2", "primary");
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute(select(whoTable()).executionOptions(Routing.REPLICA)).scalarOne(String.class))
                    .as("an expression-language select marked REPLICA").isEqualTo("replica1");
        }
    }

    private static dev.athanor.schema.Table whoTable() {
        dev.athanor.schema.MetaData metadata = new dev.athanor.schema.MetaData();
        return metadata.table("whoami", Schema.column("name", dev.athanor.schema.SqlTypes.varchar(40)));
    }

    @Test
    void aTransactionThatWroteReadsItsWritesOnThePrimaryUntilItEnds() {
        try (Connection conn = engine.connect()) {
            assertThat(who(conn, WHO.executionOptions(Routing.REPLICA))).isEqualTo("replica1");
            conn.execute(text("INSERT INTO whoami VALUES ('written')"));
            assertThat(conn.execute(text("SELECT count(*) FROM whoami").executionOptions(Routing.REPLICA))
                    .scalarOne(Long.class)).as("read-your-writes: the primary serves").isEqualTo(2L);
            conn.commit();
            assertThat(who(conn, WHO.executionOptions(Routing.REPLICA))).isEqualTo("replica2");
            conn.rollback();
            conn.execute(select(whoTable()).forUpdate()); // a locking read is not a read for routing: it pins too
            assertThat(who(conn, text("SELECT min(name) FROM whoami").executionOptions(Routing.REPLICA)))
                    .isEqualTo("primary");
        }
    }

    @Test
    void aConnectionMarkedReplicaSendsPlainSelectsThereAndLockingOrWritingTextToThePrimary() {
        try (Connection conn = engine.connect().executionOptions(Routing.REPLICA)) {
            assertThat(who(conn, WHO)).isEqualTo("replica1");
            assertThat(who(conn, WHO.executionOptions(Routing.PRIMARY))).isEqualTo("primary");
            assertThat(who(conn, WHO)).as("same replica for the rest of the transaction").isEqualTo("replica1");
            conn.commit();
            assertThat(conn.execute(text("SELECT name FROM whoami FOR UPDATE")).scalarOne(String.class))
                    .isEqualTo("primary");
            assertThat(who(conn, WHO)).as("the locking read pinned the transaction").isEqualTo("primary");
        }
        Engine readers = engine.executionOptions(Routing.REPLICA);
        assertThat(readers.<String>inTransaction(c -> who(c, WHO))).startsWith("replica");
        readers.dispose(); // a view: the engine stays usable
        assertThat(engine.<String>inTransaction(c -> who(c, WHO))).isEqualTo("primary");
    }

    @Test
    void readOnlySessionsLoadFromAReplicaAndFlushToThePrimary(TestDatabase db) throws Exception {
        Registry registry = Registry.of(Note.class);
        SessionMaker readers = SessionMaker.of(engine, registry).readOnly();
        try (Session session = readers.open(); StatementRecorder sql = StatementRecorder.on(engine)) {
            assertThat(session.get(Note.class, 1).text).isEqualTo("replica1");
            session.add(new Note(2, "new"));
            assertThat(session.scalars(select(Note.class)).all()).extracting(n -> n.id)
                    .as("autoflush wrote: the query runs on the primary").containsExactlyInAnyOrder(1, 2);
            assertThat(session.execute(text("SELECT count(*) FROM routing_notes")).scalarOne(Long.class)).isEqualTo(2L);
            session.commit();
            assertThat(sql.sql()).as("replica reads are reported to the engine's listeners too")
                    .anyMatch(s -> s.startsWith("SELECT")).anyMatch(s -> s.startsWith("INSERT"));
        }
        assertThat(db.countRows("routing_notes")).isEqualTo(2);
        assertThat(readers.inTransaction(s -> s.scalars(select(Note.class)).all()).get(0).text).startsWith("replica");
    }

    @Test
    void aReplicaThatCannotBeReachedIsSkippedAndThePrimaryServes(TestDatabase db) {
        String missing = db == TestDatabase.H2 ? "jdbc:h2:mem:athanor_no_such_replica;IFEXISTS=TRUE"
                : SiblingDatabases.url(db, 99);
        try (Engine broken = db.builder().replicas(missing).poolSize(0).build()) {
            ReplicaSet set = broken.unwrap(EngineImpl.class).replicas();
            assertThat(set.replicas().get(0).health()).isEqualTo(Replica.Health.DOWN);
            assertThat(broken.<String>inTransaction(c -> who(c, WHO.executionOptions(Routing.REPLICA)))).isEqualTo("primary");
        }
    }

    @Test
    void aReplicaOfAnotherKindOfDatabaseIsRejectedNamingIt(TestDatabase db) {
        String other = db == TestDatabase.H2 ? "mariadb://root@127.0.0.1:3306/elsewhere" : "h2:mem:elsewhere";
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> db.builder().replicas(other).build())
                .isInstanceOf(dev.athanor.ArgumentError.class)
                .hasMessageContaining("elsewhere").hasMessageContaining("replicas must be copies of the primary");
    }
}
