package dev.athanor.impl.orm.session;

import dev.athanor.DataError;
import dev.athanor.DatabaseError;
import dev.athanor.IntegrityError;
import dev.athanor.InternalError;
import dev.athanor.NotSupportedError;
import dev.athanor.OperationalError;
import dev.athanor.ProgrammingError;

import java.util.List;
import java.util.Locale;

/**
 * Database errors raised by a flush, restated with the entity they concern: the statement names a table, the
 * message names the class mapped to it and the rows involved, keeping the exception's class (an IntegrityError stays
 * one) and SQLState.
 */
final class FlushErrors {
    private FlushErrors() {
    }

    static DatabaseError withContext(DatabaseError error, List<InstanceState> work) {
        String sql = error.sql() == null ? "" : error.sql().toLowerCase(Locale.ROOT);
        InstanceState concerned = null;
        for (InstanceState state : work) {
            String table = state.mapper().table().name().toLowerCase(Locale.ROOT);
            if (sql.contains(" " + table + " ") || sql.contains(" " + table + "(") || sql.contains("\"" + table + "\"")
                    || sql.contains("`" + table + "`") || sql.endsWith(" " + table)) {
                concerned = state;
                break;
            }
        }
        if (concerned == null) {
            return error;
        }
        String verb = sql.startsWith("insert") ? "INSERT" : sql.startsWith("update") ? "UPDATE" : "DELETE";
        String cause = error.getCause() == null ? error.getMessage() : error.getCause().getMessage();
        String message = "flush failed at " + verb + " of " + concerned.mapper().entityName() + " (table "
                + concerned.mapper().table().name() + "): " + cause;
        String state = error.sqlState();
        int code = error.vendorCode();
        Throwable original = error.getCause() == null ? error : error.getCause();
        DatabaseError restated;
        if (error instanceof IntegrityError) {
            restated = new IntegrityError(message, error.sql(), error.parameters(), state, code, original);
        } else if (error instanceof DataError) {
            restated = new DataError(message, error.sql(), error.parameters(), state, code, original);
        } else if (error instanceof ProgrammingError) {
            restated = new ProgrammingError(message, error.sql(), error.parameters(), state, code, original);
        } else if (error instanceof OperationalError) {
            restated = new OperationalError(message, error.sql(), error.parameters(), state, code, original);
        } else if (error instanceof NotSupportedError) {
            restated = new NotSupportedError(message, error.sql(), error.parameters(), state, code, original);
        } else if (error instanceof InternalError) {
            restated = new InternalError(message, error.sql(), error.parameters(), state, code, original);
        } else {
            restated = new DatabaseError(message, error.sql(), error.parameters(), state, code, original);
        }
        return restated;
    }
}
