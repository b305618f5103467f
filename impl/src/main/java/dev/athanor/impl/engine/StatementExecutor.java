package dev.athanor.impl.engine;

import dev.athanor.ArgumentError;
import dev.athanor.DataError;
import dev.athanor.DatabaseError;
import dev.athanor.Executable;
import dev.athanor.Result;
import dev.athanor.TextClause;
import dev.athanor.impl.dialect.Dialect;
import dev.athanor.impl.pool.StatementCache;
import dev.athanor.impl.pool.StatementLease;
import dev.athanor.impl.result.CursorResult;
import dev.athanor.impl.sql.BoundStatement;
import dev.athanor.impl.sql.ParameterBinder;
import dev.athanor.impl.sql.ParameterDisplay;
import dev.athanor.impl.sql.SqlCompiler;
import dev.athanor.impl.sql.TextBinder;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Sends bound statements over a connection's JDBC connection: one execution (rows or a count) or a batch, with echo
 * logging, events, and driver errors translated with the SQL and masked parameters. The connection it serves owns
 * the transaction (autobegin) and the open results.
 */
public final class StatementExecutor {
    private final ConnectionImpl connection;
    private final EngineImpl engine;
    private final java.sql.Connection jdbc;
    private final Dialect dialect;
    private final EchoLog echo;
    private final EngineEventsImpl events;
    /** Prepared statements of this connection kept for reuse, or null (see {@link #cache()}). */
    private final StatementLease cache;

    StatementExecutor(ConnectionImpl connection, EngineImpl engine, java.sql.Connection jdbc, StatementLease cache) {
        this.connection = connection;
        this.engine = engine;
        this.jdbc = jdbc;
        this.dialect = engine.dialect();
        this.echo = engine.echo();
        this.events = engine.eventsImpl();
        this.cache = cache;
    }

    /** Parameters for logs and errors: a name-to-value map (text SQL) or positional values (compiled statements). */
    private String display(Object parameters) {
        return parameters instanceof Object[] values ? ParameterDisplay.ofValues(values, engine.hideParameters())
                : ParameterDisplay.of(castMap(parameters), engine.hideParameters());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> castMap(Object parameters) {
        return (Map<String, ?>) parameters;
    }

    Result run(String displaySql, BoundStatement bound, Object parameters,
            List<? extends dev.athanor.sql.Expression<?>> selected) {
        return run(displaySql, bound, parameters, selected, connection.nextStatementIsAlone());
    }

    /**
     * {@code retry}: the statement is alone in its transaction, so a stale server-side prepared statement
     * ({@link Dialect#isStalePreparedStatement}) is answered by a ROLLBACK and one more try, prepared again.
     */
    private Result run(String displaySql, BoundStatement bound, Object parameters,
            List<? extends dev.athanor.sql.Expression<?>> selected, boolean retry) {
        connection.autobegin();
        if (echo.enabled()) {
            echo.statement(displaySql, display(parameters));
        }
        boolean timed = events.active();
        long start = timed ? System.nanoTime() : 0L;
        StatementLease cache = cache();
        StatementCache.Entry entry = null;
        PreparedStatement ps = null;
        try {
            if (cache != null) {
                entry = take(cache, bound.sql(), bound.sql(), null);
                ps = entry.statement();
            } else {
                ps = StatementScope.track(jdbc.prepareStatement(bound.sql()));
            }
            bind(ps, bound.values(), displaySql, parameters);
            Result result;
            if (ps.execute()) {
                CursorResult rows = CursorResult.ofRows(connection, displaySql, ps, ps.getResultSet(), dialect,
                        selected, entry);
                connection.resultOpened(rows);
                result = rows;
            } else {
                long count = updateCount(ps);
                done(entry, ps);
                ps = null;
                result = CursorResult.ofRowcount(count);
            }
            if (timed) {
                events.afterExecute(bound.sql(), 1, System.nanoTime() - start, null);
            }
            return result;
        } catch (SQLException e) {
            closeQuietly(ps); // a failed statement is not given back to the cache
            if (retry && dialect.isStalePreparedStatement(e) && rollbackForRetry()) {
                return run(displaySql, bound, parameters, selected, false);
            }
            DatabaseError error = ErrorTranslator.translate(e, dialect, displaySql, display(parameters));
            if (timed) {
                events.afterExecute(bound.sql(), 1, System.nanoTime() - start, error);
            }
            throw error;
        } catch (RuntimeException e) {
            closeQuietly(ps);
            throw e;
        }
    }

    private boolean rollbackForRetry() {
        try {
            connection.rollbackForRetry();
            return true;
        } catch (SQLException e) {
            return false; // the first error is the one to report
        }
    }

    /**
     * The connection's statement cache, or null when statements are prepared for one use: caching is off, or a
     * {@link StatementScope} of this thread streams with a fetch size.
     */
    private StatementLease cache() {
        StatementLease cache = this.cache;
        return cache == null || !StatementScope.cacheable() ? null : cache;
    }

    /** A statement for {@code sql} from the cache, or prepared now (then given to the cache when it is done). */
    private StatementCache.Entry take(StatementLease cache, Object key, String sql, String keyColumn)
            throws SQLException {
        StatementCache.Entry entry = cache.take(key);
        if (entry == null) {
            entry = cache.entry(key, prepare(sql, keyColumn));
        }
        StatementScope.track(entry); // a cancellable task's statement, let go before it goes back
        return entry;
    }

    /** Prepares {@code sql}, asking for the generated value of {@code keyColumn} when it is not null. */
    private PreparedStatement prepare(String sql, String keyColumn) throws SQLException {
        return keyColumn == null ? jdbc.prepareStatement(sql)
                : dialect.generatedKeysByName() ? jdbc.prepareStatement(sql, new String[] {keyColumn})
                : jdbc.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS);
    }

    /** A statement that succeeded: back to the cache it came from, else closed. */
    private static void done(StatementCache.Entry entry, PreparedStatement ps) throws SQLException {
        if (entry != null) {
            entry.release();
        } else {
            ps.close();
        }
    }

    /** An executemany of text SQL: every parameter set is checked before anything is sent. */
    Result runBatch(TextClause text, List<? extends Map<String, ?>> parameterSets) {
        List<Object[]> rows = new ArrayList<>(parameterSets.size());
        int index = 0;
        for (Map<String, ?> parameters : parameterSets) {
            rows.add(TextBinder.bindBatchRow(text, parameters, index++));
        }
        return executeBatch(text.parsed().jdbcSql(), text.text(), rows, parameterSets);
    }

    /** An executemany of a compiled statement: every parameter set must give it the same shape. */
    Result runStatementBatch(Executable statement, List<? extends Map<String, ?>> parameterSets) {
        SqlCompiler compiler = engine.compiler();
        SqlCompiler.Binding first = compiler.bind(statement, parameterSets.get(0));
        String sql = first.compiled().sql();
        if (!first.compiled().resultColumns().isEmpty()) {
            throw new ArgumentError("RETURNING is not available in an executemany; execute the rows one by one");
        }
        List<Object[]> rows = new ArrayList<>(parameterSets.size());
        rows.add(first.values());
        for (int i = 1; i < parameterSets.size(); i++) {
            SqlCompiler.Binding next = compiler.bind(statement, parameterSets.get(i));
            if (!next.compiled().sql().equals(sql)) {
                throw new ArgumentError("parameter set " + i + " has keys " + parameterSets.get(i).keySet()
                        + " but parameter set 0 has " + parameterSets.get(0).keySet()
                        + "; an executemany needs the same keys in every set");
            }
            rows.add(next.values());
        }
        return executeBatch(sql, sql, rows, parameterSets);
    }

    /** Sends bound rows as one JDBC batch (the driver may rewrite it into multi-row statements). */
    private Result executeBatch(String sql, String displaySql, List<Object[]> rows,
            List<? extends Map<String, ?>> parameterSets) {
        connection.autobegin();
        if (echo.enabled()) {
            echo.statement(displaySql, ParameterDisplay.ofBatch(parameterSets, engine.hideParameters()));
        }
        boolean timed = events.active();
        long start = timed ? System.nanoTime() : 0L;
        try (PreparedStatement ps = StatementScope.track(jdbc.prepareStatement(sql))) {
            for (int i = 0; i < rows.size(); i++) {
                bind(ps, rows.get(i), displaySql, parameterSets.get(i));
                ps.addBatch();
            }
            int[] counts = ps.executeBatch();
            if (timed) {
                events.afterExecute(sql, rows.size(), System.nanoTime() - start, null);
            }
            return CursorResult.ofRowcount(sum(counts));
        } catch (SQLException e) {
            DatabaseError error = ErrorTranslator.translate(e, dialect, displaySql,
                    ParameterDisplay.ofBatch(parameterSets, engine.hideParameters()));
            if (timed) {
                events.afterExecute(sql, rows.size(), System.nanoTime() - start, error);
            }
            throw error;
        }
    }

    /**
     * For the ORM's unit of work: sends bound rows as one JDBC batch (or a single execution for one row), asking the
     * driver for the generated key column when {@code keyColumn} is not null. The update counts are per row (a
     * negative count: the driver did not say); the generated keys are in row order.
     */
    BatchOutcome runOrmBatch(String sql, List<Object[]> rows, String keyColumn) {
        return runOrmBatch(sql, rows, null, keyColumn);
    }

    /**
     * As {@link #runOrmBatch(String, List, String)}, binding of each row the values at {@code positions} (null:
     * the whole row) in that order: the unit of work binds the array it keeps per object as it is.
     */
    BatchOutcome runOrmBatch(String sql, List<Object[]> rows, int[] positions, String keyColumn) {
        connection.autobegin();
        if (echo.enabled()) {
            List<Object[]> bound = bound(rows, positions);
            echo.statement(sql, rows.size() == 1 ? display(bound.get(0)) : ParameterDisplay.ofValueRows(bound,
                    engine.hideParameters()));
        }
        boolean timed = events.active();
        long start = timed ? System.nanoTime() : 0L;
        StatementLease cache = cache();
        StatementCache.Entry entry = null;
        PreparedStatement ps = null;
        try {
            if (cache != null) {
                entry = take(cache, keyColumn == null ? sql : StatementCache.generatedKeysKey(sql, keyColumn), sql,
                        keyColumn);
                ps = entry.statement();
            } else {
                ps = StatementScope.track(prepare(sql, keyColumn));
            }
            int[] counts;
            if (rows.size() == 1) {
                bind(ps, rows.get(0), positions, sql);
                counts = new int[] {(int) updateCount(ps, ps.execute())};
            } else {
                for (Object[] values : rows) {
                    bind(ps, values, positions, sql);
                    ps.addBatch();
                }
                counts = ps.executeBatch();
            }
            List<Object> keys = List.of();
            if (keyColumn != null) {
                keys = new ArrayList<>(rows.size());
                try (java.sql.ResultSet generated = ps.getGeneratedKeys()) {
                    while (generated.next()) {
                        keys.add(generated.getObject(1));
                    }
                }
            }
            done(entry, ps);
            ps = null;
            if (timed) {
                events.afterExecute(sql, rows.size(), System.nanoTime() - start, null);
            }
            return new BatchOutcome(counts, keys);
        } catch (SQLException e) {
            closeQuietly(ps);
            List<Object[]> bound = bound(rows, positions);
            String shown = rows.size() == 1 ? display(bound.get(0))
                    : ParameterDisplay.ofValueRows(bound, engine.hideParameters());
            DatabaseError error = ErrorTranslator.translate(e, dialect, sql, shown);
            if (timed) {
                events.afterExecute(sql, rows.size(), System.nanoTime() - start, error);
            }
            throw error;
        } catch (RuntimeException e) {
            closeQuietly(ps);
            throw e;
        }
    }

    /** A row's bound values: the row itself, or its values at {@code positions}. */
    private static Object[] bound(Object[] row, int[] positions) {
        if (positions == null) {
            return row;
        }
        Object[] values = new Object[positions.length];
        for (int i = 0; i < positions.length; i++) {
            values[i] = row[positions[i]];
        }
        return values;
    }

    /** The bound values of the rows, for display (a view: only the rows shown are projected). */
    private static List<Object[]> bound(List<Object[]> rows, int[] positions) {
        if (positions == null) {
            return rows;
        }
        return new java.util.AbstractList<>() {
            @Override
            public Object[] get(int index) {
                return bound(rows.get(index), positions);
            }

            @Override
            public int size() {
                return rows.size();
            }
        };
    }

    /** Binds a row of the ORM's batch: its values at {@code positions}, or all of them when that is null. */
    private void bind(PreparedStatement ps, Object[] row, int[] positions, String sql) throws SQLException {
        if (positions == null) {
            bind(ps, row, sql, row);
            return;
        }
        try {
            ParameterBinder.bind(ps, row, positions, dialect);
        } catch (ParameterBinder.RefusedValue refused) {
            closeQuietly(ps);
            throw refusal(refused, bound(row, positions), sql);
        }
    }

    /**
     * One multi-row {@code INSERT ... RETURNING key} of {@code rows} rows with their parameters flattened; the keys,
     * read from the RETURNING rows and put in ascending order (identity values are drawn in VALUES order, so that is
     * row order whatever order the database returns them in).
     */
    List<Object> runInsertReturning(String sql, Object[] parameters, int rows) {
        connection.autobegin();
        if (echo.enabled()) {
            echo.statement(sql, display(parameters));
        }
        boolean timed = events.active();
        long start = timed ? System.nanoTime() : 0L;
        try (PreparedStatement ps = StatementScope.track(jdbc.prepareStatement(sql))) {
            bind(ps, parameters, sql, parameters);
            List<Object> keys = new ArrayList<>(rows);
            try (java.sql.ResultSet returned = ps.executeQuery()) {
                while (returned.next()) {
                    keys.add(returned.getObject(1));
                }
            }
            keys.sort(null);
            if (timed) {
                events.afterExecute(sql, rows, System.nanoTime() - start, null);
            }
            return keys;
        } catch (SQLException | ClassCastException e) {
            SQLException cause = e instanceof SQLException sql1 ? sql1 : new SQLException(e);
            DatabaseError error = ErrorTranslator.translate(cause, dialect, sql, display(parameters));
            if (timed) {
                events.afterExecute(sql, rows, System.nanoTime() - start, error);
            }
            throw error;
        }
    }

    /**
     * Binds {@code values}; a value the database cannot store becomes a {@link DataError} naming its parameter
     * ({@code parameters}: the name-to-value map of text SQL, or the positional values of compiled SQL).
     */
    private void bind(PreparedStatement ps, Object[] values, String displaySql, Object parameters)
            throws SQLException {
        try {
            ParameterBinder.bind(ps, values, dialect);
        } catch (ParameterBinder.RefusedValue refused) {
            closeQuietly(ps);
            throw refusal(refused, values, displaySql, parameters);
        }
    }

    private DataError refusal(ParameterBinder.RefusedValue refused, Object[] values, String displaySql) {
        return refusal(refused, values, displaySql, values);
    }

    /** The error of a value refused before sending, naming its parameter. */
    private DataError refusal(ParameterBinder.RefusedValue refused, Object[] values, String displaySql,
            Object parameters) {
        Object value = values[refused.index()];
        String name = ParameterDisplay.nameOf(parameters, value, displaySql, refused.index());
        boolean text = value instanceof String;
        return new DataError("parameter " + name + (text ? "" : " is " + value) + ": " + refused.getMessage()
                + "; nothing was sent (see docs/errors.md#" + (text ? "bad-text" : "non-finite") + ")", displaySql,
                display(parameters), text ? "22021" : "22003", 0, null);
    }

    /** What {@link #runOrmBatch} reports: update counts per row and generated keys in row order. */
    public record BatchOutcome(int[] counts, List<Object> generatedKeys) {
    }

    private static long updateCount(Statement ps, boolean hasRows) throws SQLException {
        return hasRows ? -1 : updateCount(ps);
    }

    private static long sum(int[] counts) {
        long total = 0;
        for (int count : counts) {
            if (count < 0) {
                return -1; // SUCCESS_NO_INFO: the driver (e.g. rewritten batches) does not say
            }
            total += count;
        }
        return total;
    }

    private static long updateCount(Statement ps) throws SQLException {
        try {
            return ps.getLargeUpdateCount();
        } catch (SQLFeatureNotSupportedException | UnsupportedOperationException e) {
            return ps.getUpdateCount();
        }
    }


    private static void closeQuietly(AutoCloseable resource) {
        if (resource != null) {
            try {
                resource.close();
            } catch (Exception ignored) {
                // already failing; the first error is the one reported
            }
        }
    }
}
