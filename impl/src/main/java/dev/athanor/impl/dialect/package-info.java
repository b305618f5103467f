/**
 * Database differences in one place (SQLAlchemy's {@code dialects/}): identifier quoting, DDL type names, driver
 * defaults, conversion of Java values before binding, column readers that return {@code java.time} values and
 * strings for JSON and CLOB columns, and the mapping of SQLState and vendor codes to exception classes. One
 * stateless instance per database: {@link dev.athanor.impl.dialect.H2Dialect},
 * {@link dev.athanor.impl.dialect.PostgreSQLDialect}, {@link dev.athanor.impl.dialect.MariaDBDialect} (also used
 * for MySQL URLs).
 */
package dev.athanor.impl.dialect;
