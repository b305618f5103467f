package dev.athanor.benchmarks;

import dev.athanor.impl.dialect.PostgreSQLDialect;
import dev.athanor.impl.sql.ParameterBinder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;

/**
 * What the bind-time checks of issue 15 cost (a lone surrogate anywhere, NUL on PostgreSQL: one pass over each string
 * parameter): {@code athanorBind} binds 3 strings through {@link ParameterBinder} with the PostgreSQL dialect (the
 * dialect with the most checks), {@code setStringOnly} sets the same 3 strings directly, as the binder did before.
 * No database round trip: an H2 in-memory prepared statement only stores the values, so the difference is the whole
 * cost of the checks and a real statement dwarfs both.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class BindCheckBenchmark {
    @Param({"20", "1000"})
    public int length;

    /** {@code ascii}: plain text; {@code emoji}: a 4-byte character (a surrogate pair) in every 10 characters. */
    @Param({"ascii", "emoji"})
    public String text;

    private Connection connection;
    private PreparedStatement statement;
    private Object[] values;

    @Setup
    public void setUp() throws SQLException {
        connection = DriverManager.getConnection("jdbc:h2:mem:bind_check");
        connection.createStatement().execute("CREATE TABLE IF NOT EXISTS t (a VARCHAR, b VARCHAR, c VARCHAR)");
        statement = connection.prepareStatement("INSERT INTO t (a, b, c) VALUES (?, ?, ?)");
        String unit = text.equals("ascii") ? "name: ada " : "name \u00E9\uD83D\uDE00 x"; // 10 chars each
        String value = unit.repeat(length / 10);
        values = new Object[] {value, value.toUpperCase(), "x" + value};
    }

    @TearDown
    public void tearDown() throws SQLException {
        connection.close();
    }

    @Benchmark
    public PreparedStatement athanorBind() throws SQLException {
        ParameterBinder.bind(statement, values, PostgreSQLDialect.INSTANCE);
        return statement;
    }

    @Benchmark
    public PreparedStatement setStringOnly() throws SQLException {
        statement.setString(1, (String) values[0]);
        statement.setString(2, (String) values[1]);
        statement.setString(3, (String) values[2]);
        return statement;
    }
}
