package dev.athanor.impl.engine;

import org.jboss.logging.Logger;

/**
 * Statement logging (SQLAlchemy's {@code echo}): with {@code echo(true)} at INFO, otherwise at DEBUG when that
 * level is enabled for category {@code dev.athanor.engine}. Messages are built only when they will be logged.
 */
final class EchoLog {
    static final Logger LOG = Logger.getLogger("dev.athanor.engine");

    private final boolean echo;

    EchoLog(boolean echo) {
        this.echo = echo;
    }

    boolean enabled() {
        return echo || LOG.isDebugEnabled();
    }

    void log(String message) {
        LOG.log(echo ? Logger.Level.INFO : Logger.Level.DEBUG, message);
    }

    void statement(String sql, String parameters) {
        if (enabled()) {
            log(parameters == null || parameters.isEmpty() ? sql : sql + "\n[parameters: " + parameters + "]");
        }
    }
}
