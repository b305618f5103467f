/**
 * Results and rows (SQLAlchemy's {@code engine/cursor.py} and {@code engine/row.py}).
 * {@link dev.athanor.impl.result.CursorResult} reads rows from the cursor as they are asked for; reading the last
 * row releases the cursor ("soft close"), {@code close()} releases it at once ("hard close", further reads fail).
 * A {@link dev.athanor.impl.result.RowLayout} is computed once per result (labels, one column reader per column,
 * duplicate-label masks), so per row the work is one reader call per column and, for access by name, a short scan of
 * the labels (by identity first: a literal passed on every row is found without comparing characters); results wider
 * than 16 columns use a hash index built on first use. {@code mapTo} resolves a mapping plan once per class (method handles, cached in a
 * {@code ClassValue}) and binds it to the layout once per result.
 */
package dev.athanor.impl.result;
