package dev.athanor.impl.engine;

import dev.athanor.Transaction;

import java.sql.Savepoint;

/** A SAVEPOINT: commit releases it, rollback rolls back to it; the outer transaction goes on either way. */
final class NestedTransactionImpl implements Transaction {
    private final ConnectionImpl connection;
    private final Savepoint savepoint;
    private final String name;

    NestedTransactionImpl(ConnectionImpl connection, Savepoint savepoint, String name) {
        this.connection = connection;
        this.savepoint = savepoint;
        this.name = name;
    }

    Savepoint savepoint() {
        return savepoint;
    }

    String name() {
        return name;
    }

    @Override
    public void commit() {
        connection.releaseSavepoint(this);
    }

    @Override
    public void rollback() {
        connection.rollbackToSavepoint(this);
    }

    @Override
    public boolean isActive() {
        return connection.isActive(this);
    }

    @Override
    public boolean isNested() {
        return true;
    }

    @Override
    public void close() {
        if (isActive()) {
            rollback();
        }
    }
}
