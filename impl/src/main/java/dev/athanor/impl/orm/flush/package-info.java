/**
 * The unit of work: finds what changed (snapshots compared at flush), orders INSERT/UPDATE/DELETE by foreign keys
 * (parents inserted first, children deleted first), batches rows of the same entity and shape into one JDBC batch,
 * reads generated keys from the batch, checks update counts (stale rows, {@code @Version}), and reads back values the
 * database computed (server defaults, {@code onUpdate} SQL, assigned expressions) with one SELECT per entity.
 */
package dev.athanor.impl.orm.flush;
