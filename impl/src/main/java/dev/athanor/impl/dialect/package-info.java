/**
 * Database differences in one place (SQLAlchemy's {@code dialects/}): identifier quoting, DDL type names, driver
 * defaults, conversion of Java values before binding, column readers that return {@code java.time} values and
 * strings for JSON and CLOB columns, and the mapping of SQLState and vendor codes to exception classes. One
 * stateless instance per database: {@link dev.athanor.impl.dialect.H2Dialect},
 * {@link dev.athanor.impl.dialect.PostgreSQLDialect}, {@link dev.athanor.impl.dialect.MariaDBDialect} (also used
 * for MySQL URLs).
 *
 * <p>Choices made for reliability (issue 15): on H2, which folds unquoted names to upper case, a lower-case name that
 * must be quoted (a reserved word such as {@code groups}) is sent in upper case, as SQLAlchemy's
 * {@code denormalize_name} does, so it names the table unquoted DDL created; which values a database cannot store and
 * Athanor refuses before sending ({@code storesNonFiniteFloats}, {@code storesNulCharacters}); and which errors mean
 * the connection is gone ({@code isDisconnect}, SQLAlchemy's {@code is_disconnect}), used to tell an unknown COMMIT
 * outcome from a failed one.
 */
package dev.athanor.impl.dialect;
