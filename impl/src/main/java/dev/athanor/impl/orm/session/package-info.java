/**
 * The Session: identity map (mapper + primary key to {@link dev.athanor.impl.orm.session.InstanceState}), object
 * lifecycle (pending, persistent, deleted), autoflush, the transaction (one connection at a time, released at commit
 * and rollback), synchronization of ORM UPDATE/DELETE statements with the objects held, bulk operations, and a guard
 * that fails fast when two threads use one session.
 *
 * <p>Relationships: {@link dev.athanor.impl.orm.session.LoadPlan} turns a select's loader options into a tree of
 * strategies; {@link dev.athanor.impl.orm.session.RelationshipLoader} runs it (joins added to the statement and read
 * row by row, {@code IN} queries per batch for selectin, lazy loads, raise/noload marks, the N+1 counter) and
 * {@link dev.athanor.impl.orm.session.RelationshipFlush} turns relationship changes into flush work before each flush
 * (cascades, foreign keys to copy from parents, association rows, delete cascades and orphans) and takes the
 * relationship snapshots after it. Choices: relationship changes are found by comparing with snapshots (the object
 * a to-one held, the members of a collection), not by intercepting field writes, which plain Java fields do not
 * allow; collections loaded lazily are ordered by the related key; many-to-many pairs are a set.
 *
 * <p>For the asyncio layer: {@link dev.athanor.impl.orm.session.EntityCursor} reads an entity select a batch at a
 * time ({@code yield_per}), and {@code SessionImpl.implicitLoadCheck} lets it refuse lazy and deferred loads off its
 * worker threads.
 */
package dev.athanor.impl.orm.session;
