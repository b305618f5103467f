/**
 * From statements to JDBC: {@link dev.athanor.impl.sql.TextBinder} turns a text clause and its parameters into
 * {@code ?} SQL and ordered values (the JDBC SQL of a text is computed once per distinct text; only list expansion
 * builds SQL per call), {@link dev.athanor.impl.sql.ParameterBinder} sets them with typed setters, and
 * {@link dev.athanor.impl.sql.ParameterDisplay} renders them for logs and errors with secrets masked. The compiler of
 * the SQL expression language joins this package with issue 4.
 */
package dev.athanor.impl.sql;
