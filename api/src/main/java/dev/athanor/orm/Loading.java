package dev.athanor.orm;

import dev.athanor.ArgumentError;

import java.util.ArrayList;
import java.util.List;

/**
 * Loader options (SQLAlchemy's {@code sqlalchemy.orm} loader functions), used statically:
 * {@code import static dev.athanor.orm.Loading.*;}.
 *
 * <p>Relationship strategies: {@link #selectinLoad} (one {@code WHERE fk IN (...)} query per batch of parents),
 * {@link #joinedLoad} (a LEFT OUTER JOIN in the same statement; a joined collection needs {@code result.unique()}),
 * {@link #lazyLoad} (load on first access), {@link #raiseLoad} (first access is an error: the N+1 guard),
 * {@link #noLoad} (never load: empty collection or null), {@link #containsEager} (fill the relationship from a join
 * the statement already has). Options chain along a path:
 * {@code selectinLoad(User_.group).selectinLoad(Group_.members)}. Column options: {@link #defer} leaves a column
 * out of the SELECT (loaded on its getter), {@link #undefer} loads a {@code deferred = true} column with its entity.
 * {@link #populateExisting} makes the rows overwrite objects already in the session.
 *
 * {@snippet :
 * List<Group> groups = session.scalars(select(Group.class).options(selectinLoad(Group_.members))).all(); // 2 statements
 * List<User> users = session.execute(select(User.class).options(joinedLoad(User_.permissions)))
 *         .unique().scalars().all();                                                            // 1 statement
 * User user = session.scalars(select(User.class).options(undefer(User_.description))).one();
 * }
 */
public final class Loading {
    /** The default number of parents per {@code IN} query of {@link #selectinLoad}. */
    public static final int DEFAULT_BATCH_SIZE = 500;

    private Loading() {
    }

    /** How a relationship loads. */
    public enum Strategy { LAZY, SELECTIN, JOINED, RAISE, NOLOAD, CONTAINS_EAGER }

    /** One step of a relationship loading path: the attribute, its strategy and (for selectin) the batch size. */
    public record Step(RelationshipAttribute<?, ?> attribute, Strategy strategy, int batchSize) {
        public Step {
            if (attribute == null) {
                throw new ArgumentError("a relationship loader option needs an attribute, got null");
            }
            if (batchSize < 1) {
                throw new ArgumentError("the batch size of " + attribute + " must be 1 or more, was " + batchSize);
            }
        }
    }

    /**
     * A relationship loader option: a path of relationships from the selected entity, each with its strategy. Made
     * by {@link #selectinLoad} and the other factories, extended by the chaining methods.
     */
    public record RelationshipLoading(List<Step> path) implements LoaderOption {
        public RelationshipLoading {
            path = List.copyOf(path);
        }

        private RelationshipLoading then(RelationshipAttribute<?, ?> attribute, Strategy strategy, int batchSize) {
            Step last = path.get(path.size() - 1);
            if (attribute != null && !attribute.entityType().isAssignableFrom(last.attribute().javaType())) {
                throw new ArgumentError("cannot chain " + attribute + " after " + last.attribute() + ": "
                        + last.attribute() + " holds " + last.attribute().javaType().getSimpleName() + " objects, not "
                        + attribute.entityType().getSimpleName());
            }
            List<Step> longer = new ArrayList<>(path);
            longer.add(new Step(attribute, strategy, batchSize));
            return new RelationshipLoading(longer);
        }

        /** Then loads {@code attribute} of the related objects with {@code selectinLoad}. */
        public RelationshipLoading selectinLoad(RelationshipAttribute<?, ?> attribute) {
            return then(attribute, Strategy.SELECTIN, DEFAULT_BATCH_SIZE);
        }

        /** Then loads {@code attribute} of the related objects with {@code selectinLoad}, {@code batchSize} per query. */
        public RelationshipLoading selectinLoad(RelationshipAttribute<?, ?> attribute, int batchSize) {
            return then(attribute, Strategy.SELECTIN, batchSize);
        }

        /** Then loads {@code attribute} of the related objects with {@code joinedLoad}. */
        public RelationshipLoading joinedLoad(RelationshipAttribute<?, ?> attribute) {
            return then(attribute, Strategy.JOINED, DEFAULT_BATCH_SIZE);
        }

        /** Then leaves {@code attribute} of the related objects to load on access. */
        public RelationshipLoading lazyLoad(RelationshipAttribute<?, ?> attribute) {
            return then(attribute, Strategy.LAZY, DEFAULT_BATCH_SIZE);
        }

        /** Then makes access to {@code attribute} of the related objects an error unless loaded. */
        public RelationshipLoading raiseLoad(RelationshipAttribute<?, ?> attribute) {
            return then(attribute, Strategy.RAISE, DEFAULT_BATCH_SIZE);
        }

        /** Then never loads {@code attribute} of the related objects. */
        public RelationshipLoading noLoad(RelationshipAttribute<?, ?> attribute) {
            return then(attribute, Strategy.NOLOAD, DEFAULT_BATCH_SIZE);
        }

        /** Then fills {@code attribute} of the related objects from the statement's own join. */
        public RelationshipLoading containsEager(RelationshipAttribute<?, ?> attribute) {
            return then(attribute, Strategy.CONTAINS_EAGER, DEFAULT_BATCH_SIZE);
        }
    }

    /** A column loaded with its entity ({@code load}, from {@link #undefer}) or left out ({@link #defer}). */
    public record ColumnLoading(ColumnAttribute<?, ?> attribute, boolean load) implements LoaderOption {
    }

    /** Rows overwrite the objects already in the session's identity map (SQLAlchemy's {@code populate_existing}). */
    public record PopulateExisting() implements LoaderOption {
    }

    private static RelationshipLoading start(RelationshipAttribute<?, ?> attribute, Strategy strategy, int batchSize) {
        return new RelationshipLoading(List.of(new Step(attribute, strategy, batchSize)));
    }

    /** Loads the relationship with one {@code SELECT ... WHERE key IN (...)} per 500 parents. */
    public static RelationshipLoading selectinLoad(RelationshipAttribute<?, ?> attribute) {
        return start(attribute, Strategy.SELECTIN, DEFAULT_BATCH_SIZE);
    }

    /** Loads the relationship with one {@code SELECT ... WHERE key IN (...)} per {@code batchSize} parents. */
    public static RelationshipLoading selectinLoad(RelationshipAttribute<?, ?> attribute, int batchSize) {
        return start(attribute, Strategy.SELECTIN, batchSize);
    }

    /**
     * Loads the relationship in the same statement through a LEFT OUTER JOIN. For a collection the result repeats
     * the parent per child: call {@code unique()} on the result.
     */
    public static RelationshipLoading joinedLoad(RelationshipAttribute<?, ?> attribute) {
        return start(attribute, Strategy.JOINED, DEFAULT_BATCH_SIZE);
    }

    /** Loads the relationship on first access (the default unless the mapping says otherwise). */
    public static RelationshipLoading lazyLoad(RelationshipAttribute<?, ?> attribute) {
        return start(attribute, Strategy.LAZY, DEFAULT_BATCH_SIZE);
    }

    /** Makes a lazy load of the relationship an error naming it: the guard against N+1 queries. */
    public static RelationshipLoading raiseLoad(RelationshipAttribute<?, ?> attribute) {
        return start(attribute, Strategy.RAISE, DEFAULT_BATCH_SIZE);
    }

    /** Never loads the relationship: an empty collection, or null. */
    public static RelationshipLoading noLoad(RelationshipAttribute<?, ?> attribute) {
        return start(attribute, Strategy.NOLOAD, DEFAULT_BATCH_SIZE);
    }

    /**
     * Fills the relationship from the rows of a join the statement makes itself
     * ({@code select(User.class).join(Group.class).options(containsEager(User_.group))}).
     */
    public static RelationshipLoading containsEager(RelationshipAttribute<?, ?> attribute) {
        return start(attribute, Strategy.CONTAINS_EAGER, DEFAULT_BATCH_SIZE);
    }

    /** Loads a column declared {@code deferred = true} together with its entity. */
    public static LoaderOption undefer(ColumnAttribute<?, ?> attribute) {
        return new ColumnLoading(attribute, true);
    }

    /** Leaves a column out of the SELECT; it loads on its getter's first call, as a deferred column. */
    public static LoaderOption defer(ColumnAttribute<?, ?> attribute) {
        return new ColumnLoading(attribute, false);
    }

    /** Makes the rows of the select overwrite objects already in the session. */
    public static LoaderOption populateExisting() {
        return new PopulateExisting();
    }
}
