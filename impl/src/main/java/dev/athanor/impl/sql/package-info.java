/**
 * From statements to JDBC: {@link dev.athanor.impl.sql.TextBinder} turns a text clause and its parameters into
 * {@code ?} SQL and ordered values (the JDBC SQL of a text is computed once per distinct text; only list expansion
 * builds SQL per call), {@link dev.athanor.impl.sql.ParameterBinder} sets them with typed setters, and
 * {@link dev.athanor.impl.sql.ParameterDisplay} renders them for logs and errors with secrets masked. Values the
 * database cannot store as they are (a lone surrogate, NUL on PostgreSQL, NaN on MariaDB) are refused while binding,
 * before anything is sent, and the error names the parameter (by name for text SQL, by column and position for
 * compiled SQL, found by {@code PlaceholderColumns}). The compiler of
 * the SQL expression language joins this package with issue 4.
 */
package dev.athanor.impl.sql;
