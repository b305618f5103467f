package dev.athanor.impl.routing;

import dev.athanor.Connection;
import dev.athanor.DatabaseError;
import dev.athanor.Executable;
import dev.athanor.ExecutionOption;
import dev.athanor.OperationalError;
import dev.athanor.PoolTimeoutError;
import dev.athanor.Result;
import dev.athanor.Routing;

import java.util.List;
import java.util.Map;

/**
 * The routing state of one connection of an engine with replicas: the replica connection taken for the current
 * transaction (if any) and whether that transaction has written. Not thread-safe, like the connection it serves.
 */
public final class ReadRouting {
    private final ReplicaSet replicas;
    private Replica replica;          // the replica serving this transaction's reads, or null
    private Connection replicaConnection;
    private int replicaStatements;    // statements run on replicaConnection in this transaction
    private boolean written;          // this transaction wrote on the primary: its reads stay there

    public ReadRouting(ReplicaSet replicas) {
        this.replicas = replicas;
    }

    /**
     * Runs {@code statement} on a replica if it is a read that may go there; null means "run it on the primary"
     * (and, for anything but a read, the rest of the transaction stays on the primary).
     */
    public Result executeIfReplica(Executable statement, Map<String, ?> parameters,
            List<ExecutionOption> connectionOptions) {
        Routing onStatement = ReadStatements.requested(statement);
        if (!ReadStatements.isRead(statement, onStatement)) {
            written = true;
            return null;
        }
        Routing wanted = onStatement != null ? onStatement
                : ExecutionOption.find(connectionOptions, Routing.class, RoutingScope.current());
        if (wanted != Routing.REPLICA || written) {
            return null;
        }
        while (true) {
            Connection connection = replicaConnection();
            if (connection == null) {
                return null;
            }
            try {
                Result result = connection.execute(statement, parameters);
                replicaStatements++;
                return result;
            } catch (DatabaseError e) {
                if (!ReplicaSet.isConnectionLoss(e)) {
                    throw e;
                }
                replica.down(e.getMessage());
                boolean firstRead = replicaStatements == 0;
                dropReplicaConnection(true);
                if (!firstRead) {
                    throw e; // earlier reads of this transaction ran there: running this one elsewhere could mix snapshots
                }
                // nothing of this transaction ran on the lost replica: the read runs again on the next one, or the primary
            }
        }
    }

    /** The current transaction wrote: its remaining reads run on the primary. */
    public void wrote() {
        written = true;
    }

    /** Whether a replica transaction is open (reads ran there and the connection has not committed or rolled back). */
    public boolean inTransaction() {
        return replicaConnection != null && replicaConnection.inTransaction();
    }

    /** Commit, rollback or close: the replica connection goes back to its pool, the next transaction routes afresh. */
    public void endTransaction() {
        written = false;
        dropReplicaConnection(false);
    }

    private Connection replicaConnection() {
        if (replicaConnection != null) {
            return replicaConnection;
        }
        for (Replica candidate = replicas.pick(); candidate != null; candidate = replicas.pick()) {
            try {
                replicaConnection = candidate.engine().connect();
                replica = candidate;
                replicaStatements = 0;
                return replicaConnection;
            } catch (PoolTimeoutError e) {
                return null; // this replica's pool is exhausted: the primary serves rather than wait again
            } catch (OperationalError e) {
                candidate.down(e.getMessage());
            }
        }
        return null;
    }

    private void dropReplicaConnection(boolean broken) {
        Connection connection = replicaConnection;
        replicaConnection = null;
        replica = null;
        replicaStatements = 0;
        if (connection != null) {
            if (broken) {
                connection.invalidate();
            } else {
                connection.close();
            }
        }
    }
}
