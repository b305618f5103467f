package dev.athanor.orm;

import dev.athanor.ArgumentError;

import java.util.List;

/**
 * A mapping that cannot work, found when the classes are mapped: every problem of every class at once, each naming
 * class and field.
 *
 * {@snippet :
 * try { Registry.of(User.class, Broken.class); }
 * catch (MappingError e) { e.problems().forEach(System.out::println); }
 * }
 */
public class MappingError extends ArgumentError {
    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    public MappingError(List<String> problems) {
        super(problems.size() == 1 ? "mapping error: " + problems.get(0)
                : problems.size() + " mapping errors:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    /** The problems, one message each. */
    public List<String> problems() {
        return problems;
    }
}
