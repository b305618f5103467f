package dev.athanor.xa;

import dev.athanor.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Crash recovery of one JTA transaction over PostgreSQL and MariaDB, with real processes: a forked JVM halts
 * ({@code Runtime.halt}) in the middle of two-phase commit, leaving prepared branches in both databases; a second
 * JVM over the same Narayana object store, with Athanor's XA engines registered with Narayana's recovery manager,
 * resolves them. Tagged {@code slow}: it starts four JVMs and needs both servers (PostgreSQL with
 * {@code max_prepared_transactions > 0}).
 */
@Tag("slow")
class XaCrashRecoveryTest {
    private final XaPair pair = XaPair.forRun(TestDatabase.POSTGRESQL);
    private Path store;

    @BeforeEach
    void setUp() throws Exception {
        store = Files.createTempDirectory(Path.of("target"), "xa-crash-store");
        if (pair.first().preparedBranches() + pair.second().preparedBranches() > 0) {
            fork("recover"); // branches left by an interrupted earlier run would hold their locks on xa_crash
        }
        pair.first().createTable("xa_crash");
        pair.second().createTable("xa_crash");
    }

    @Test
    void haltAfterBothPreparedAndTheDecisionLoggedIsCommittedByRecovery() throws Exception {
        crashLeavingBothBranchesPrepared("1", "commit");
        recover();
        assertThat(pair.first().count("SELECT count(*) FROM xa_crash WHERE id = 1 AND label = 'pg'")).isEqualTo(1);
        assertThat(pair.second().count("SELECT count(*) FROM xa_crash WHERE id = 1 AND label = 'mariadb'"))
                .isEqualTo(1);
        assertThat(rows()).isEqualTo(2);
    }

    @Test
    void haltAfterBothPreparedButBeforeADecisionIsRolledBackByRecovery() throws Exception {
        crashLeavingBothBranchesPrepared("2", "prepare");
        recover();
        assertThat(rows()).isZero(); // presumed abort: no decision was logged
    }

    /** Forks the crashing JVM; both branches are then prepared, neither committed (the rows are invisible). */
    private void crashLeavingBothBranchesPrepared(String id, String step) throws Exception {
        Run crash = fork("crash", id, step);
        assertThat(crash.exitCode).as(crash.output).isEqualTo(3);
        assertThat(crash.output).contains("HALT in " + step);
        assertThat(pair.first().preparedBranches()).isEqualTo(1);
        assertThat(pair.second().preparedBranches()).isEqualTo(1);
        assertThat(rows()).isZero();
    }

    /** Forks the recovering JVM; afterwards neither database holds a prepared branch. */
    private void recover() throws Exception {
        Run recovery = fork("recover");
        assertThat(recovery.exitCode).as(recovery.output).isZero();
        assertThat(pair.first().preparedBranches()).isZero();
        assertThat(pair.second().preparedBranches()).isZero();
    }

    private long rows() throws Exception {
        return pair.first().count("SELECT count(*) FROM xa_crash") + pair.second().count("SELECT count(*) FROM xa_crash");
    }

    private record Run(int exitCode, String output) {
    }

    private Run fork(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("-Dcom.arjuna.ats.arjuna.objectstore.objectStoreDir=" + store.toAbsolutePath());
        command.add("-DObjectStoreEnvironmentBean.objectStoreDir=" + store.toAbsolutePath());
        for (String key : List.of("athanor.test.postgresql.url", "athanor.test.mariadb.url",
                "athanor.test.postgresql.user", "athanor.test.mariadb.user", "athanor.test.postgresql.password",
                "athanor.test.mariadb.password", "java.util.logging.config.file")) {
            if (System.getProperty(key) != null) {
                command.add("-D" + key + "=" + System.getProperty(key));
            }
        }
        command.add(XaCrashProcess.class.getName());
        command.addAll(List.of(args));
        File log = Files.createTempFile(store, "jvm", ".log").toFile();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the forked JVM " + List.of(args) + " did not end within 120 s:\n"
                    + Files.readString(log.toPath(), StandardCharsets.UTF_8));
        }
        return new Run(process.exitValue(), Files.readString(log.toPath(), StandardCharsets.UTF_8));
    }
}
