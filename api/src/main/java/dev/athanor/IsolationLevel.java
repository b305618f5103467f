package dev.athanor;

import java.util.Locale;

/**
 * Transaction isolation levels, as SQLAlchemy's {@code isolation_level} values. {@link #AUTOCOMMIT} is not an
 * isolation level but the driver's autocommit mode: every statement commits on its own, and
 * {@code commit()}/{@code rollback()} do nothing.
 *
 * {@snippet :
 * Engine engine = Engine.builder(url).isolationLevel(IsolationLevel.SERIALIZABLE).build();
 * }
 */
public enum IsolationLevel {
    READ_UNCOMMITTED,
    READ_COMMITTED,
    REPEATABLE_READ,
    SERIALIZABLE,
    AUTOCOMMIT;

    /** Parses {@code "READ COMMITTED"}, {@code "read_committed"}, {@code "AUTOCOMMIT"} and the like. */
    public static IsolationLevel parse(String name) {
        if (name == null) {
            return null;
        }
        String key = name.trim().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        try {
            return valueOf(key);
        } catch (IllegalArgumentException e) {
            throw new ArgumentError("unknown isolation level '" + name + "'; use one of READ UNCOMMITTED, "
                    + "READ COMMITTED, REPEATABLE READ, SERIALIZABLE, AUTOCOMMIT");
        }
    }
}
