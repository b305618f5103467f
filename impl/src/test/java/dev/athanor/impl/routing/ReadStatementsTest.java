package dev.athanor.impl.routing;

import dev.athanor.Routing;
import dev.athanor.schema.MetaData;
import dev.athanor.schema.Table;
import org.junit.jupiter.api.Test;

import static dev.athanor.Sql.select;
import static dev.athanor.Sql.text;
import static dev.athanor.schema.Schema.column;
import static dev.athanor.schema.SqlTypes.varchar;
import static org.assertj.core.api.Assertions.assertThat;

/** Which statements count as reads for routing, and which routing a statement asks for. */
class ReadStatementsTest {
    private final Table users = new MetaData().table("users", column("name", varchar(20)));

    private static boolean read(dev.athanor.Executable statement) {
        return ReadStatements.isRead(statement, ReadStatements.requested(statement));
    }

    @Test
    void selectsAreReadsUnlessTheyLock() {
        assertThat(read(select(users))).isTrue();
        assertThat(read(select(users).union(select(users)))).isTrue();
        assertThat(read(select(users).forUpdate())).isFalse();
        assertThat(read(dev.athanor.Sql.insert(users).values(java.util.Map.of("name", "x")))).isFalse();
    }

    @Test
    void textIsReadOnlyWhenItSaysSoOrIsAPlainSelect() {
        assertThat(read(text("  select name from users where name = :n"))).isTrue();
        assertThat(read(text("SELECT name FROM users FOR UPDATE"))).isFalse();
        assertThat(read(text("SELECT name FROM users FOR NO KEY UPDATE"))).isFalse();
        assertThat(read(text("SELECT name FROM users for share"))).isFalse();
        assertThat(read(text("SELECT * INTO copy FROM users"))).isFalse();
        assertThat(read(text("WITH gone AS (DELETE FROM users RETURNING *) SELECT * FROM gone"))).isFalse();
        assertThat(read(text("UPDATE users SET name = 'x'"))).isFalse();
        assertThat(read(text("WITH t AS (SELECT 1) SELECT * FROM t").executionOptions(Routing.REPLICA)))
                .as("marked by its author").isTrue();
    }

    @Test
    void theStatementsOwnRoutingIsFound() {
        assertThat(ReadStatements.requested(select(users))).isNull();
        assertThat(ReadStatements.requested(select(users).executionOptions(Routing.REPLICA))).isEqualTo(Routing.REPLICA);
        assertThat(ReadStatements.requested(text("SELECT 1").executionOptions(Routing.REPLICA)
                .executionOptions(Routing.PRIMARY))).as("the later option replaces the earlier").isEqualTo(Routing.PRIMARY);
        assertThat(ReadStatements.requested(select(users).executionOptions(Routing.REPLICA).where())).as("kept by copies")
                .isEqualTo(Routing.REPLICA);
    }
}
