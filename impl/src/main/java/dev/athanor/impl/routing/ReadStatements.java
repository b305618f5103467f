package dev.athanor.impl.routing;

import dev.athanor.CompoundSelect;
import dev.athanor.Executable;
import dev.athanor.ExecutionOption;
import dev.athanor.Routing;
import dev.athanor.Select;
import dev.athanor.TextClause;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Which statements only read, and which {@link Routing} a statement asks for. */
final class ReadStatements {
    /** Clauses that make a SELECT take locks or write (row locks, {@code SELECT ... INTO new_table}). */
    private static final Pattern NOT_A_PLAIN_READ = Pattern.compile(
            "\\bFOR\\s+(UPDATE|SHARE|NO\\s+KEY\\s+UPDATE|KEY\\s+SHARE)\\b|\\bINTO\\b|\\bLOCK\\s+IN\\s+SHARE\\s+MODE\\b",
            Pattern.CASE_INSENSITIVE);

    private ReadStatements() {
    }

    /** The routing option on the statement itself, or null. */
    static Routing requested(Executable statement) {
        List<ExecutionOption> options = statement instanceof Select<?> select ? select.executionOptions()
                : statement instanceof TextClause text ? text.executionOptions() : List.of();
        return ExecutionOption.find(options, Routing.class, null);
    }

    /**
     * Whether {@code statement} only reads. A text counts when it is marked {@link Routing#REPLICA} itself (the
     * author vouches for it), or when it starts with {@code SELECT} and has no locking clause or {@code INTO}.
     */
    static boolean isRead(Executable statement, Routing onStatement) {
        if (statement instanceof Select<?> select) {
            return select.forUpdateClause() == null;
        }
        if (statement instanceof CompoundSelect) {
            return true;
        }
        if (statement instanceof TextClause text) {
            if (onStatement == Routing.REPLICA) {
                return true;
            }
            String sql = text.text().stripLeading().toUpperCase(Locale.ROOT);
            return sql.startsWith("SELECT") && !NOT_A_PLAIN_READ.matcher(sql).find();
        }
        return false;
    }
}
