package dev.athanor.impl.orm.mapping;

import dev.athanor.orm.MappingError;

import java.util.ArrayList;
import java.util.List;

/**
 * The mapping of every class, made on first use and kept for the life of the class (a {@link ClassValue}, so a
 * redeployed application's classes are not pinned).
 */
public final class Mappers {
    private record Outcome(EntityMapper mapper, List<String> problems) {
    }

    private static final ClassValue<Outcome> MAPPINGS = new ClassValue<>() {
        @Override
        protected Outcome computeValue(Class<?> type) {
            List<String> problems = new ArrayList<>();
            EntityMapper mapper = MapperFactory.map(type, problems);
            return new Outcome(mapper, List.copyOf(problems));
        }
    };

    private Mappers() {
    }

    /** The mapper of {@code type}, or a {@link MappingError} naming every problem. */
    public static EntityMapper of(Class<?> type) {
        Outcome outcome = MAPPINGS.get(type);
        if (outcome.mapper == null) {
            throw new MappingError(outcome.problems);
        }
        return outcome.mapper;
    }

    /** The problems of mapping {@code type} (empty when it maps). */
    public static List<String> problems(Class<?> type) {
        return MAPPINGS.get(type).problems;
    }

    /** The mapper, or null when the class does not map (see {@link #problems}). */
    static EntityMapper orNull(Class<?> type) {
        return MAPPINGS.get(type).mapper;
    }
}
