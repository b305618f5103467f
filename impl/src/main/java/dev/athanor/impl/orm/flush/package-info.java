/**
 * The unit of work: finds what changed (snapshots compared at flush), orders INSERT/UPDATE/DELETE by foreign keys
 * (parents inserted first, children deleted first), batches rows of the same entity and shape into one JDBC batch,
 * reads generated keys from the batch, checks update counts (stale rows, {@code @Version}), and reads back values the
 * database computed (server defaults, {@code onUpdate} SQL, assigned expressions) with one SELECT per entity.
 *
 * <p>With relationships the session hands over a {@link dev.athanor.impl.orm.flush.FlushPlan}: keys to copy from
 * parents into children once the parents have them (rows of one table that refer to each other are inserted level by
 * level, one batch per level; a reference to a row that cannot go first is written by a second UPDATE, SQLAlchemy's
 * {@code post_update}, and needs a nullable column), association rows to insert and delete (one batch per table), and
 * which deleted rows refer to which (children deleted first; a ring of references is broken by setting them to NULL).
 */
package dev.athanor.impl.orm.flush;
