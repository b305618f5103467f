package dev.athanor.impl.asyncio;

import dev.athanor.Transaction;
import dev.athanor.asyncio.AsyncTransaction;

import java.util.concurrent.CompletionStage;

/** A transaction or savepoint of an async connection; ends through the connection's lane. */
final class AsyncTransactionImpl implements AsyncTransaction {
    private final AsyncConnectionImpl connection;
    private final Transaction transaction;
    private final boolean nested;

    AsyncTransactionImpl(AsyncConnectionImpl connection, Transaction transaction, boolean nested) {
        this.connection = connection;
        this.transaction = transaction;
        this.nested = nested;
    }

    @Override
    public CompletionStage<Void> commit() {
        return connection.end(transaction, true);
    }

    @Override
    public CompletionStage<Void> rollback() {
        return connection.end(transaction, false);
    }

    @Override
    public boolean isActive() {
        return transaction.isActive();
    }

    @Override
    public boolean isNested() {
        return nested;
    }
}
