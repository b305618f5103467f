package dev.athanor.impl.engine;

import dev.athanor.ArgumentError;
import dev.athanor.CommitOutcomeUnknownError;
import dev.athanor.Connection;
import dev.athanor.Engine;
import dev.athanor.Executable;
import dev.athanor.ExecutionOption;
import dev.athanor.InvalidRequestError;
import dev.athanor.ResourceClosedError;
import dev.athanor.Result;
import dev.athanor.TextClause;
import dev.athanor.Transaction;
import dev.athanor.impl.dialect.Dialect;
import dev.athanor.impl.result.CursorResult;
import dev.athanor.impl.result.ResultOwner;
import dev.athanor.impl.routing.ReadRouting;
import dev.athanor.impl.sql.BoundStatement;
import dev.athanor.impl.sql.CompiledStatement;
import dev.athanor.impl.sql.SqlCompiler;
import dev.athanor.impl.sql.TextBinder;

import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A pooled JDBC connection with SQLAlchemy 2.0's transaction rules: autobegin on the first statement,
 * {@code commit()}/{@code rollback()} end the transaction, {@code close()} rolls back and returns the connection.
 * The JDBC connection is in manual-commit mode for its whole life in the pool, so beginning costs nothing.
 */
public final class ConnectionImpl implements Connection, ResultOwner, RawSqlExecutor {
    private final EngineImpl engine;
    private final java.sql.Connection jdbc;
    private final Dialect dialect;
    private final EchoLog echo;
    private final EngineEventsImpl events;
    private final boolean autocommit;
    private final StatementExecutor executor;
    /** Set when the connection is enlisted in a container's (JTA) transaction: that transaction commits, not this. */
    private final ManagedTransactions managed;
    /** Sends marked reads to a read replica; null when the engine has none. */
    private final ReadRouting routing;
    private List<ExecutionOption> executionOptions = List.of();
    /** Set when the engine knows container transactions but this connection was not enlisted in one (see autobegin). */
    private final ManagedTransactions unenlisted;

    private final List<CursorResult> openResults = new ArrayList<>(2);
    private final List<NestedTransactionImpl> savepoints = new ArrayList<>(0);
    private boolean transactionActive;
    private int transactionEpoch;
    private int savepointCounter;
    private boolean closed;
    /** Set when the connection failed under COMMIT: it is discarded on close, never pooled again. */
    private boolean disconnected;

    ConnectionImpl(EngineImpl engine, java.sql.Connection jdbc) {
        this(engine, jdbc, null);
    }

    ConnectionImpl(EngineImpl engine, java.sql.Connection jdbc, ManagedTransactions managed) {
        this.managed = managed;
        this.unenlisted = managed == null ? engine.managedTransactions() : null;
        this.engine = engine;
        this.jdbc = jdbc;
        this.dialect = engine.dialect();
        this.echo = engine.echo();
        this.events = engine.eventsImpl();
        this.autocommit = engine.autocommit();
        // Connections of Athanor's own pool cache statements, enlisted in a JTA transaction or not (the lease makes
        // Agroal's enlistment checks on a hit); over a server's DataSource the pool answers null.
        this.executor = new StatementExecutor(this, engine, jdbc, engine.pool().statementLease(jdbc));
        this.routing = engine.replicas() == null ? null : new ReadRouting(engine.replicas());
    }

    @Override
    public Connection executionOptions(ExecutionOption... options) {
        checkOpen();
        executionOptions = ExecutionOption.merge(executionOptions, options);
        return this;
    }

    // ---------------------------------------------------------------- execution

    @Override
    public Result execute(Executable statement) {
        return execute(statement, (Map<String, ?>) null);
    }

    @Override
    public Result execute(Executable statement, Map<String, ?> parameters) {
        checkOpen();
        if (routing != null) {
            Result onReplica = routing.executeIfReplica(statement, parameters, executionOptions);
            if (onReplica != null) {
                return onReplica;
            }
        }
        if (statement instanceof TextClause text) {
            BoundStatement bound = TextBinder.bind(text, parameters);
            return executor.run(text.text(), bound, shownParameters(text, parameters), List.of());
        }
        if (statement instanceof dev.athanor.Update update && !update.returningColumns().isEmpty()
                && !dialect.supportsUpdateReturning()) {
            return UpdateReturningEmulation.execute(this, update, parameters);
        }
        SqlCompiler.Binding binding = engine.compiler().bind(checkStatement(statement), parameters);
        CompiledStatement compiled = binding.compiled();
        return executor.run(compiled.sql(), new BoundStatement(compiled.sql(), binding.values()), binding.values(),
                compiled.resultColumns());
    }

    @Override
    public Result execute(Executable statement, List<? extends Map<String, ?>> parameterSets) {
        if (parameterSets == null || parameterSets.isEmpty()) {
            return execute(statement);
        }
        if (parameterSets.size() == 1) {
            return execute(statement, parameterSets.get(0));
        }
        checkOpen();
        wrote();
        if (statement instanceof TextClause text) {
            return executor.runBatch(text, parameterSets);
        }
        return executor.runStatementBatch(checkStatement(statement), parameterSets);
    }

    @Override
    public Object scalar(Executable statement) {
        return execute(statement).scalar();
    }

    @Override
    public Object scalar(Executable statement, Map<String, ?> parameters) {
        return execute(statement, parameters).scalar();
    }

    /** The values a text was executed with, for logs and errors: those bound into it, then the execution's. */
    private static Map<String, ?> shownParameters(TextClause text, Map<String, ?> parameters) {
        if (text.boundValues().isEmpty()) {
            return parameters;
        }
        Map<String, Object> all = new java.util.LinkedHashMap<>(text.boundValues());
        if (parameters != null) {
            all.putAll(parameters);
        }
        return all;
    }

    private static Executable checkStatement(Executable statement) {
        if (statement instanceof dev.athanor.Statement) {
            return statement;
        }
        throw new ArgumentError("cannot execute " + (statement == null ? "null" : statement.getClass().getName())
                + ": expected text(\"...\") or a statement such as select(...), insert(...), update(...), delete(...)");
    }

    /** The ORM's batched DML (see {@link StatementExecutor#runOrmBatch}); keys of {@code keyColumn} come back. */
    public StatementExecutor.BatchOutcome executeOrmBatch(String sql, List<Object[]> rows, String keyColumn) {
        checkOpen();
        wrote();
        return executor.runOrmBatch(sql, rows, keyColumn);
    }

    /**
     * As {@link #executeOrmBatch(String, List, String)}, binding of each row its values at {@code positions}, in
     * that order (the unit of work's per-object arrays, bound without a copy).
     */
    public StatementExecutor.BatchOutcome executeOrmBatch(String sql, List<Object[]> rows, int[] positions,
            String keyColumn) {
        checkOpen();
        wrote();
        return executor.runOrmBatch(sql, rows, positions, keyColumn);
    }

    /** A multi-row INSERT ... RETURNING key of {@code rows} rows; the generated keys in row order. */
    public List<Object> executeInsertReturning(String sql, Object[] parameters, int rows) {
        checkOpen();
        wrote();
        return executor.runInsertReturning(sql, parameters, rows);
    }

    @Override
    public void executeRaw(String sql) {
        checkOpen();
        wrote();
        executor.run(sql, new BoundStatement(sql, new Object[0]), new Object[0], List.of()).close();
    }

    /** Pins the rest of the transaction to the primary, so that its reads see what it wrote. */
    private void wrote() {
        if (routing != null) {
            routing.wrote();
        }
    }

    @Override
    public Dialect dialect() {
        return dialect;
    }

    // ---------------------------------------------------------------- results

    void resultOpened(CursorResult result) {
        openResults.add(result);
    }

    @Override
    public void resultClosed(CursorResult result) {
        openResults.remove(result);
    }

    @Override
    public RuntimeException fetchError(SQLException error, String sql) {
        return ErrorTranslator.translate(error, dialect, sql, "");
    }

    private void closeOpenResults() {
        if (openResults.isEmpty()) {   // the usual case (results read to the end release themselves): no copy
            return;
        }
        for (CursorResult result : List.copyOf(openResults)) {
            result.close();
        }
        openResults.clear();
    }

    // ---------------------------------------------------------------- transactions

    /**
     * Whether a statement sent now would run alone in its transaction (the first one of a new transaction, or in
     * AUTOCOMMIT mode): then a failure leaves nothing of the transaction to lose, and the statement may be sent
     * again after a ROLLBACK ({@link #rollbackForRetry()}).
     */
    boolean nextStatementIsAlone() {
        return managed == null && savepoints.isEmpty() && (autocommit || !transactionActive);
    }

    /** Ends the failed transaction of a statement that was alone in it, before the statement is sent again. */
    void rollbackForRetry() throws SQLException {
        if (!autocommit) {
            jdbc.rollback();
        }
    }

    void autobegin() {
        if (unenlisted != null && unenlisted.isActive()) {
            throw notEnlisted();
        }
        if (!transactionActive && !autocommit) {
            transactionActive = true;
            transactionEpoch++;
            if (echo.enabled()) {
                echo.log("BEGIN (implicit)");
            }
        }
    }

    /**
     * A statement on a connection that was checked out outside the container transaction now active: it is not
     * enlisted (a pool enlists at checkout only), so its work would not commit with the transaction but be rolled
     * back when the connection closes. Refused, loudly, rather than lost.
     */
    private InvalidRequestError notEnlisted() {
        return new InvalidRequestError("a JTA transaction is active on this thread, but this connection (checked out "
                + "before the transaction began) is not enlisted in it: what it wrote would not commit with the "
                + "transaction but be rolled back when the connection closes. Open the Session or connection inside "
                + "the transaction (the injected Session does), or finish its work (commit() or close()) before the "
                + "transaction begins", null, "not-enlisted");
    }

    @Override
    public Transaction begin() {
        checkOpen();
        if (transactionActive) {
            throw new InvalidRequestError("a transaction is already begun on this connection (the first statement "
                    + "begins one by itself); call commit() or rollback() first, or use beginNested() for a "
                    + "savepoint", null, "autobegin");
        }
        if (!autocommit) {
            transactionActive = true;
            transactionEpoch++;
            if (echo.enabled()) {
                echo.log("BEGIN");
            }
        }
        return new RootTransactionImpl(this, transactionEpoch);
    }

    @Override
    public Transaction beginNested() {
        checkOpen();
        if (autocommit) {
            throw new InvalidRequestError("beginNested() needs a transaction, and this engine runs in AUTOCOMMIT mode");
        }
        autobegin();
        String name = "athanor_sp_" + (++savepointCounter);
        try {
            Savepoint savepoint = jdbc.setSavepoint(name);
            if (echo.enabled()) {
                echo.log("SAVEPOINT " + name);
            }
            NestedTransactionImpl nested = new NestedTransactionImpl(this, savepoint, name);
            savepoints.add(nested);
            return nested;
        } catch (SQLException e) {
            throw ErrorTranslator.translate(e, dialect, "SAVEPOINT " + name, "");
        }
    }

    @Override
    public void commit() {
        checkOpen();
        if (routing != null) {
            routing.endTransaction();
        }
        if (!transactionActive) {
            return;
        }
        if (managed != null) {
            if (managed.isActive()) {
                throw ManagedTransactions.commitInside("connection.commit()");
            }
            transactionActive = false; // the container's transaction already ended
            return;
        }
        endSavepoints(0);
        try {
            jdbc.commit();
        } catch (SQLException e) {
            transactionActive = false;
            if (dialect.isDisconnect(e)) {
                // COMMIT may have reached the server and been carried out before the connection failed: say so,
                // and never pool this connection again.
                disconnected = true;
                throw new CommitOutcomeUnknownError(e.getMessage() == null ? e.getClass().getName()
                        : e.getMessage().strip(), "COMMIT", e.getSQLState(), e.getErrorCode(), e);
            }
            rollbackQuietly();
            throw ErrorTranslator.translate(e, dialect, "COMMIT", "");
        }
        transactionActive = false;
        if (echo.enabled()) {
            echo.log("COMMIT");
        }
        events.afterCommit();
    }

    @Override
    public void rollback() {
        checkOpen();
        if (routing != null) {
            routing.endTransaction();
        }
        if (!transactionActive) {
            return;
        }
        endSavepoints(0);
        transactionActive = false;
        if (managed != null) {
            // Inside a container's transaction a rollback cannot end it; it dooms it, as JPA does after a failed flush.
            if (managed.isActive()) {
                managed.setRollbackOnly();
                if (echo.enabled()) {
                    echo.log("ROLLBACK (marks the JTA transaction rollback-only)");
                }
                events.afterRollback();
            }
            return;
        }
        try {
            jdbc.rollback();
        } catch (SQLException e) {
            throw ErrorTranslator.translate(e, dialect, "ROLLBACK", "");
        }
        if (echo.enabled()) {
            echo.log("ROLLBACK");
        }
        events.afterRollback();
    }

    private void rollbackQuietly() {
        try {
            jdbc.rollback();
        } catch (SQLException ignored) {
            // the commit failure is the error worth reporting
        }
    }

    boolean isCurrent(int epoch) {
        return !closed && transactionActive && transactionEpoch == epoch;
    }

    boolean isActive(NestedTransactionImpl nested) {
        return !closed && savepoints.contains(nested);
    }

    void releaseSavepoint(NestedTransactionImpl nested) {
        int index = indexOf(nested);
        try {
            jdbc.releaseSavepoint(nested.savepoint());
        } catch (SQLException e) {
            throw ErrorTranslator.translate(e, dialect, "RELEASE SAVEPOINT " + nested.name(), "");
        } finally {
            endSavepoints(index);
        }
        if (echo.enabled()) {
            echo.log("RELEASE SAVEPOINT " + nested.name());
        }
    }

    void rollbackToSavepoint(NestedTransactionImpl nested) {
        int index = indexOf(nested);
        try {
            jdbc.rollback(nested.savepoint());
        } catch (SQLException e) {
            throw ErrorTranslator.translate(e, dialect, "ROLLBACK TO SAVEPOINT " + nested.name(), "");
        } finally {
            endSavepoints(index);
        }
        if (echo.enabled()) {
            echo.log("ROLLBACK TO SAVEPOINT " + nested.name());
        }
    }

    private int indexOf(NestedTransactionImpl nested) {
        checkOpen();
        int index = savepoints.indexOf(nested);
        if (index < 0) {
            throw new InvalidRequestError("this nested transaction is no longer active (it, or a transaction "
                    + "around it, was already committed or rolled back)");
        }
        return index;
    }

    /** Forgets the savepoint at {@code index} and every one nested inside it. */
    private void endSavepoints(int index) {
        while (savepoints.size() > index) {
            savepoints.remove(savepoints.size() - 1);
        }
    }

    @Override
    public boolean inTransaction() {
        return !closed && (transactionActive || routing != null && routing.inTransaction());
    }

    @Override
    public boolean inNestedTransaction() {
        return !closed && !savepoints.isEmpty();
    }

    // ---------------------------------------------------------------- life cycle

    private void checkOpen() {
        if (closed) {
            throw new ResourceClosedError("this connection is closed; get a new one with engine.connect()");
        }
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public Engine engine() {
        return engine;
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        checkOpen();
        if (type.isInstance(jdbc)) {
            return type.cast(jdbc);
        }
        throw new ArgumentError("this connection cannot be unwrapped to " + type.getName()
                + "; it offers java.sql.Connection");
    }

    @Override
    public void invalidate() {
        if (closed) {
            return;
        }
        closeOpenResults();
        if (routing != null) {
            routing.endTransaction();
        }
        closed = true;
        transactionActive = false;
        savepoints.clear();
        engine.pool().invalidate(jdbc);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        if (disconnected) {
            invalidate();
            return;
        }
        closeOpenResults();
        if (routing != null) {
            routing.endTransaction();
        }
        try {
            if (transactionActive && managed == null) {
                savepoints.clear();
                jdbc.rollback();
                if (echo.enabled()) {
                    echo.log("ROLLBACK (connection closed)");
                }
                events.afterRollback();
            }
            closed = true;
            transactionActive = false;
            jdbc.close();
        } catch (SQLException e) {
            // The connection is broken (the rollback failed): it must not go back to the pool.
            invalidate();
        } finally {
            closed = true;
            transactionActive = false;
        }
    }

    @Override
    public String toString() {
        return "Connection(" + engine.url() + (managed != null ? ", JTA" : "")
                + (closed ? ", closed" : transactionActive ? ", in transaction" : "") + ")";
    }
}
