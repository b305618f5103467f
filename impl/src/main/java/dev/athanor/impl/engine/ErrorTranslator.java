package dev.athanor.impl.engine;

import dev.athanor.DataError;
import dev.athanor.DatabaseError;
import dev.athanor.IntegrityError;
import dev.athanor.InternalError;
import dev.athanor.NotSupportedError;
import dev.athanor.OperationalError;
import dev.athanor.ProgrammingError;
import dev.athanor.impl.dialect.Dialect;
import dev.athanor.impl.dialect.ErrorKind;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLNonTransientConnectionException;

/** Turns a driver's {@link SQLException} into the {@link DatabaseError} subclass its SQLState and vendor code say. */
final class ErrorTranslator {
    private ErrorTranslator() {
    }

    static DatabaseError translate(SQLException error, Dialect dialect, String sql, String parameters) {
        SQLException reported = error;
        if (error instanceof BatchUpdateException && error.getNextException() != null) {
            reported = error.getNextException(); // pgjdbc puts the real cause of a failed batch here
        }
        String state = reported.getSQLState() != null ? reported.getSQLState() : error.getSQLState();
        int code = reported.getErrorCode();
        ErrorKind kind = dialect.classify(state, code);
        if (kind == ErrorKind.DATABASE && (reported instanceof SQLRecoverableException
                || reported instanceof SQLTransientConnectionException
                || reported instanceof SQLNonTransientConnectionException)) {
            kind = ErrorKind.OPERATIONAL;
        }
        String message = reported.getMessage() == null ? reported.getClass().getName() : reported.getMessage().strip();
        return switch (kind) {
            case INTEGRITY -> new IntegrityError(message, sql, parameters, state, code, error);
            case DATA -> new DataError(message, sql, parameters, state, code, error);
            case PROGRAMMING -> new ProgrammingError(message, sql, parameters, state, code, error);
            case OPERATIONAL -> new OperationalError(message, sql, parameters, state, code, error);
            case INTERNAL -> new InternalError(message, sql, parameters, state, code, error);
            case NOT_SUPPORTED -> new NotSupportedError(message, sql, parameters, state, code, error);
            case DATABASE -> new DatabaseError(message, sql, parameters, state, code, error);
        };
    }
}
