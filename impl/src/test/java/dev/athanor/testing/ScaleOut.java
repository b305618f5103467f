package dev.athanor.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The servers of {@code ops/scaleout} (streaming replicas, PgBouncer, Patroni) for the tests tagged {@code scaleout}:
 * runs the project's scripts (idempotent) and builds URLs to the test's own PostgreSQL database on them. The
 * replicas copy the whole 5432 cluster, so the test database ({@code athanor.test.postgresql.url}) exists there too.
 */
public final class ScaleOut {
    private ScaleOut() {
    }

    /** The repository's root (Surefire runs in the module's directory). */
    public static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("ops/scaleout"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("ops/scaleout not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    /** Runs {@code ops/scaleout/<script> args...}; its output goes to the test's output; fails on a non-zero exit. */
    public static void run(String script, String... args) {
        String[] command = new String[args.length + 1];
        command[0] = root().resolve("ops/scaleout").resolve(script).toString();
        System.arraycopy(args, 0, command, 1, args.length);
        try {
            // Output through System.out: a child writing to the forked JVM's own stdout corrupts Surefire's channel.
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().transferTo(System.out);
            if (!process.waitFor(300, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within 300 s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited with " + process.exitValue());
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command[0] + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Runs {@code psql -AX -F ,} as the test user against {@code database} on {@code port} (PgBouncer's admin
     * console speaks only the simple protocol and refuses pgJDBC's start-up SETs) and returns its output lines.
     */
    public static List<String> psql(int port, String database, String sql) {
        try {
            Process process = new ProcessBuilder("psql", "-h", "127.0.0.1", "-p", String.valueOf(port), "-U",
                    TestDatabase.POSTGRESQL.user(), "-d", database, "-AX", "-F", ",", "-v", "ON_ERROR_STOP=1", "-c", sql)
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("psql -p " + port + " -c \"" + sql + "\" failed: " + output);
            }
            return output.lines().toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run psql: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The test's PostgreSQL database on another port of this machine (replica, PgBouncer, Patroni node). */
    public static String onPort(int port) {
        String url = TestDatabase.POSTGRESQL.jdbcUrl();
        return url.replaceFirst("//([^/:]+)(:\\d+)?/", "//$1:" + port + "/");
    }

    /** A plain JDBC connection to the test database on {@code port}, autocommit. */
    public static Connection connect(int port) throws SQLException {
        return DriverManager.getConnection(onPort(port), TestDatabase.POSTGRESQL.user(), TestDatabase.POSTGRESQL.password());
    }

    /** Runs one statement on {@code port} and returns the first column of the first row as text (or null). */
    public static String query(int port, String sql) throws SQLException {
        try (Connection c = connect(port); Statement st = c.createStatement()) {
            if (!st.execute(sql)) {
                return null;
            }
            try (ResultSet rs = st.getResultSet()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** Waits until {@code check} holds, at most {@code seconds}. */
    public static void await(int seconds, String what, Check check) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (check.holds()) {
                    return;
                }
            } catch (Exception e) {
                last = e;
            }
            Thread.sleep(50);
        }
        throw new AssertionError(what + " did not happen within " + seconds + " s", last);
    }

    /** A condition polled by {@link #await}. */
    @FunctionalInterface
    public interface Check {
        boolean holds() throws Exception;
    }
}
