/**
 * The Session: identity map (mapper + primary key to {@link dev.athanor.impl.orm.session.InstanceState}), object
 * lifecycle (pending, persistent, deleted), autoflush, the transaction (one connection at a time, released at commit
 * and rollback), synchronization of ORM UPDATE/DELETE statements with the objects held, bulk operations, and a guard
 * that fails fast when two threads use one session.
 */
package dev.athanor.impl.orm.session;
