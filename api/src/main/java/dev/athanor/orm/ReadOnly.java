package dev.athanor.orm;

import dev.athanor.ExecutionOption;

/**
 * Whether the objects an ORM select loads are read-only (Hibernate's read-only query, SQLAlchemy's "load for display"
 * use): {@link #TRUE} keeps no snapshot of their columns, so loading costs less memory and time and a flush never
 * writes their column changes (they are not dirty-checked). They are in the identity map as any other object, can be
 * deleted, and their relationships load as usual. An object the session already held stays as it was (modifiable
 * objects are not made read-only by a read-only query, nor the reverse).
 *
 * {@snippet :
 * List<User> page = session.scalars(select(User.class).where(User_.active.isTrue())
 *         .executionOptions(ReadOnly.TRUE)).all();
 * page.get(0).name = "changed";   // not written by commit(): the object is read-only
 * }
 */
public enum ReadOnly implements ExecutionOption {
    /** Load read-only objects: no snapshot, never dirty-checked. */
    TRUE,
    /** The default: load objects that are dirty-checked at flush. */
    FALSE
}
