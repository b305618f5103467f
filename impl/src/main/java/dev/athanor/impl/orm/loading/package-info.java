/**
 * Rows to objects: ORM results ({@code session.execute(select(User.class))} rows holding one entity each; a result
 * of a joined collection load refuses to be read until {@code unique()}), the tracked {@code List}/{@code Set} the
 * session installs in collection relationships (lazy on first use, callbacks for {@code backPopulates}, a modified
 * flag so a flush compares only the collections that changed), and the subclasses generated with Byte Buddy for
 * entities with deferred columns or to-one relationships with getters, whose getters load on first call.
 */
package dev.athanor.impl.orm.loading;
