/**
 * The ORM implementation: {@code mapping} (annotations to mappers, registries), {@code session} (identity map,
 * states, the Session), {@code flush} (the unit of work: change detection and dependency-ordered, batched DML),
 * {@code loading} (rows to objects, ORM results, lazy-loading subclasses for deferred columns).
 */
package dev.athanor.impl.orm;
