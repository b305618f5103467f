package dev.athanor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An option attached to a statement for whoever executes it (SQLAlchemy's {@code execution_options}). Options of the
 * same class replace each other; the ORM's {@code SynchronizeSession} is one.
 *
 * {@snippet :
 * session.execute(update(User.class).where(User_.name.eq("john")).values(User_.name, "John")
 *         .executionOptions(SynchronizeSession.FETCH));
 * }
 */
public interface ExecutionOption {

    /** {@code current} with {@code added} put in, an added option replacing one of the same class. */
    static List<ExecutionOption> merge(List<ExecutionOption> current, ExecutionOption... added) {
        List<ExecutionOption> merged = new ArrayList<>(current);
        for (ExecutionOption option : Arrays.asList(added)) {
            if (option == null) {
                throw new ArgumentError("executionOptions() got a null option");
            }
            merged.removeIf(existing -> existing.getClass() == option.getClass());
            merged.add(option);
        }
        return List.copyOf(merged);
    }

    /** The option of this class among {@code options}, or {@code fallback}. */
    static <O extends ExecutionOption> O find(List<ExecutionOption> options, Class<O> type, O fallback) {
        for (ExecutionOption option : options) {
            if (type.isInstance(option)) {
                return type.cast(option);
            }
        }
        return fallback;
    }
}
