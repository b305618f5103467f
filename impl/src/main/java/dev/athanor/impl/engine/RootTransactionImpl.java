package dev.athanor.impl.engine;

import dev.athanor.Transaction;

/** The outer transaction of a connection, begun explicitly; active while the connection's transaction is this one. */
final class RootTransactionImpl implements Transaction {
    private final ConnectionImpl connection;
    private final int epoch;

    RootTransactionImpl(ConnectionImpl connection, int epoch) {
        this.connection = connection;
        this.epoch = epoch;
    }

    @Override
    public void commit() {
        if (isActive()) {
            connection.commit();
        }
    }

    @Override
    public void rollback() {
        if (isActive()) {
            connection.rollback();
        }
    }

    @Override
    public boolean isActive() {
        return connection.isCurrent(epoch);
    }

    @Override
    public boolean isNested() {
        return false;
    }

    @Override
    public void close() {
        rollback();
    }
}
