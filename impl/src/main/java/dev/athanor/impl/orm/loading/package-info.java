/**
 * Rows to objects: ORM results ({@code session.execute(select(User.class))} rows holding one entity each), and the
 * subclasses generated with Byte Buddy for entities with deferred columns, whose getters load the column on first
 * call.
 */
package dev.athanor.impl.orm.loading;
