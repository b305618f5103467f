package dev.athanor.impl.dialect;

import dev.athanor.ArgumentError;

/** Finds the dialect of a database by name. */
public final class Dialects {
    private Dialects() {
    }

    public static Dialect forName(String name) {
        return switch (name) {
            case "h2" -> H2Dialect.INSTANCE;
            case "postgresql" -> PostgreSQLDialect.INSTANCE;
            case "mariadb", "mysql" -> MariaDBDialect.INSTANCE;
            default -> throw new ArgumentError("no dialect named '" + name + "'; known: h2, postgresql, mariadb");
        };
    }
}
