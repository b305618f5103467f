package dev.athanor.tck;

import dev.athanor.Connection;
import dev.athanor.Engine;
import dev.athanor.IntegrityError;
import dev.athanor.MultipleResultsFound;
import dev.athanor.NoResultFound;
import dev.athanor.Row;
import dev.athanor.Transaction;
import dev.athanor.testing.DatabaseTest;
import dev.athanor.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static dev.athanor.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Athanor Core compliance, written against the public API only: what any implementation on any supported database
 * must do with text SQL, results and transactions.
 */
@DatabaseTest
class CoreComplianceTest {

    record Account(int id, String owner, BigDecimal balance, LocalDate opened) {
    }

    @BeforeEach
    void schema(Engine engine) {
        engine.begin(conn -> {
            conn.execute(text("CREATE TABLE accounts (id int primary key, owner varchar(40) not null, "
                    + "balance numeric(12, 2) not null, opened date)"));
            conn.execute(text("INSERT INTO accounts (id, owner, balance, opened) VALUES (:id, :owner, :balance, :opened)"),
                    List.of(Map.of("id", 1, "owner", "ada", "balance", new BigDecimal("100.00"), "opened", LocalDate.of(2020, 1, 2)),
                            Map.of("id", 2, "owner", "alan", "balance", new BigDecimal("50.50"), "opened", LocalDate.of(2021, 3, 4)),
                            Map.of("id", 3, "owner", "grace", "balance", new BigDecimal("0.00"), "opened", LocalDate.of(2022, 5, 6))));
        });
    }

    @Test
    void rowsMapToRecordsWithTypedValues(Engine engine) {
        List<Account> accounts = engine.inTransaction(conn -> conn.execute(
                text("SELECT id, owner, balance, opened FROM accounts ORDER BY id")).mapTo(Account.class).all());
        assertThat(accounts).containsExactly(
                new Account(1, "ada", new BigDecimal("100.00"), LocalDate.of(2020, 1, 2)),
                new Account(2, "alan", new BigDecimal("50.50"), LocalDate.of(2021, 3, 4)),
                new Account(3, "grace", new BigDecimal("0.00"), LocalDate.of(2022, 5, 6)));
    }

    @Test
    void transferIsAtomic(Engine engine, TestDatabase db) throws Exception {
        assertThatThrownBy(() -> engine.begin(conn -> {
            conn.execute(text("UPDATE accounts SET balance = balance - :amount WHERE id = :id"),
                    Map.of("amount", new BigDecimal("10"), "id", 1));
            conn.execute(text("INSERT INTO accounts (id, owner, balance) VALUES (1, 'dup', 0)"));
        })).isInstanceOf(IntegrityError.class);
        BigDecimal balance = engine.inTransaction(conn -> conn.execute(
                text("SELECT balance FROM accounts WHERE id = :id"), Map.of("id", 1)).scalarOne(BigDecimal.class));
        assertThat(balance).isEqualByComparingTo("100.00");
        assertThat(db.countRows("accounts")).isEqualTo(3);
    }

    @Test
    void savepointUndoesOnlyItsPart(Engine engine) {
        try (Connection conn = engine.connect()) {
            conn.execute(text("UPDATE accounts SET owner = 'ADA' WHERE id = 1"));
            try (Transaction savepoint = conn.beginNested()) {
                conn.execute(text("DELETE FROM accounts"));
                savepoint.rollback();
            }
            conn.commit();
        }
        List<String> owners = engine.inTransaction(conn ->
                conn.execute(text("SELECT owner FROM accounts ORDER BY id")).scalars(String.class).all());
        assertThat(owners).containsExactly("ADA", "alan", "grace");
    }

    @Test
    void oneAndScalarOneFollowSqlalchemy(Engine engine) {
        try (Connection conn = engine.connect()) {
            Row row = conn.execute(text("SELECT owner, balance FROM accounts WHERE id IN (:ids)"),
                    Map.of("ids", List.of(2))).one();
            assertThat(row.get("OWNER")).isEqualTo("alan");
            assertThatThrownBy(() -> conn.execute(text("SELECT id FROM accounts")).one())
                    .isInstanceOf(MultipleResultsFound.class);
            assertThatThrownBy(() -> conn.execute(text("SELECT id FROM accounts WHERE id < 0")).scalarOne())
                    .isInstanceOf(NoResultFound.class);
            assertThat(conn.execute(text("SELECT count(*) FROM accounts")).scalarOne(Long.class)).isEqualTo(3L);
        }
    }
}
