/**
 * Read replicas: which server runs a statement, and which replicas are fit to run reads.
 *
 * <p>SQLAlchemy leaves this to the application (a {@code Session} subclass whose {@code get_bind()} picks an engine,
 * the "custom vertical partitioning" recipe); Hibernate has nothing built in; Spring routes whole transactions by
 * {@code @Transactional(readOnly = true)}. Athanor routes per statement inside one connection, so that one rule
 * covers Core, the ORM and CDI:
 * <ul>
 *   <li>{@link dev.athanor.impl.routing.ReadRouting} (one per connection of an engine with replicas) sends a read
 *   marked {@link dev.athanor.Routing#REPLICA} (on the statement, or on the connection, engine view or session
 *   maker) to a replica connection taken for the rest of the transaction, and everything else to the primary.
 *   The first write pins the rest of the transaction to the primary (read-your-writes); commit, rollback and close
 *   end the replica side too, so the next transaction may pick another replica.</li>
 *   <li>{@link dev.athanor.impl.routing.ReplicaSet} holds the replicas, each an engine with its own Agroal pool, picks
 *   them round-robin among the healthy ones, and runs the background health check
 *   ({@link dev.athanor.impl.routing.HealthProbe}: reachability and, on PostgreSQL, replay lag: 0 while
 *   the replica streams and has replayed all the WAL its primary reported, else the age of its last replayed commit,
 *   {@code pg_last_xact_replay_timestamp()}). The check runs on its own thread and connection, never per
 *   statement.</li>
 *   <li>A replica that fails with a lost connection is taken out of rotation at once (not at the next check) and its
 *   idle pooled connections are closed; a read that was the first statement on that replica connection is run
 *   again on another healthy replica or the primary, since nothing of its transaction can be lost. The check puts
 *   the replica back when it answers and its lag is within bounds.</li>
 * </ul>
 */
package dev.athanor.impl.routing;
