package dev.athanor.cdi;

import dev.athanor.Engine;
import dev.athanor.cdi.model.Note;
import dev.athanor.cdi.xamodel.LedgerEntry;
import dev.athanor.orm.Session;
import dev.athanor.testing.TestDatabase;
import dev.athanor.xa.XaPair;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code athanor.datasource.xa=true} in Weld SE with Narayana: a {@code @Transactional} method writing through two
 * injected Sessions on two databases (PostgreSQL and MariaDB; two H2 databases on the H2 run) commits both or
 * neither. Without XA the second database cannot even join the transaction.
 */
@Tag("database")
class XaInWeldSeTest {
    private final XaPair pair = XaPair.forRun();

    @ApplicationScoped
    public static class Transfers {
        @Inject Session notes;                         // the default database
        @Inject @Database("ledger") Session ledger;    // the second one

        @Transactional
        @ActivateRequestContext
        public void both(String text) {
            notes.add(new Note(text));
            ledger.add(new LedgerEntry(text));
        }

        @Transactional
        @ActivateRequestContext
        public void bothThenFail(String text) {
            notes.add(new Note(text));
            ledger.add(new LedgerEntry(text));
            notes.flush();
            ledger.flush();   // both branches have written their row
            throw new IllegalStateException("refused after writing to both databases");
        }
    }

    private WeldContainer boot(boolean xa) {
        XaPair.Side first = pair.first();
        XaPair.Side second = pair.second();
        Map<String, String> config = new HashMap<>();
        config.put("athanor.datasource.url", first.jdbcUrl());
        config.put("athanor.datasource.username", first.user());
        config.put("athanor.datasource.password", first.password());
        config.put("athanor.schema-generation", "drop-and-create");
        config.put("athanor.\"ledger\".datasource.url", second.jdbcUrl());
        config.put("athanor.\"ledger\".datasource.username", second.user());
        config.put("athanor.\"ledger\".datasource.password", second.password());
        config.put("athanor.\"ledger\".schema-generation", "drop-and-create");
        config.put("athanor.\"ledger\".packages", "dev.athanor.cdi.xamodel");
        if (xa) {
            config.put("athanor.datasource.xa", "true");
            config.put("athanor.\"ledger\".datasource.xa", "true");
        }
        return WeldSe.boot(TestDatabase.current(), config, Transfers.class);
    }

    @Test
    void transactionalMethodCommitsBothDatabasesOrNeither() throws Exception {
        pair.first().admin().close(); // creates the test databases if needed
        pair.second().admin().close();
        try (WeldContainer weld = boot(true)) {
            Transfers transfers = weld.select(Transfers.class).get();
            transfers.both("first");
            transfers.both("second");
            assertThat(pair.first().rows("cdi_notes")).isEqualTo(2);
            assertThat(pair.second().rows("cdi_ledger")).isEqualTo(2);

            assertThatThrownBy(() -> transfers.bothThenFail("third"))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("both databases");
            assertThat(pair.first().rows("cdi_notes")).isEqualTo(2);
            assertThat(pair.second().rows("cdi_ledger")).isEqualTo(2);
            assertThat(pair.first().count("SELECT count(*) FROM cdi_notes WHERE text = 'third'")).isZero();

            assertThat(pair.first().preparedBranches()).isZero();
            assertThat(pair.second().preparedBranches()).isZero();
            assertThat(weld.select(Engine.class).get().poolStatus().checkedOut()).isZero();
            assertThat(weld.select(Engine.class, Database.Literal.of("ledger")).get().poolStatus().checkedOut())
                    .isZero();
        }
    }

    @Test
    void withoutXaTheSecondDatabaseCannotJoinTheTransaction() throws Exception {
        try (WeldContainer weld = boot(false)) {
            Transfers transfers = weld.select(Transfers.class).get();
            // Agroal emulates XA over a local transaction (last resource): only one such resource per transaction
            assertThatThrownBy(() -> transfers.both("lonely")).hasStackTraceContaining("enlist");
            assertThat(pair.first().rows("cdi_notes")).isZero();
            assertThat(pair.second().rows("cdi_ledger")).isZero();
        }
    }
}
