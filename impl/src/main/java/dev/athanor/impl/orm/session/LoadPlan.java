package dev.athanor.impl.orm.session;

import dev.athanor.ArgumentError;
import dev.athanor.impl.orm.mapping.AttributeMapping;
import dev.athanor.impl.orm.mapping.EntityMapper;
import dev.athanor.impl.orm.mapping.RegistryImpl;
import dev.athanor.impl.orm.mapping.RelationshipMapping;
import dev.athanor.orm.LoaderOption;
import dev.athanor.orm.Loading;
import dev.athanor.orm.Loading.Strategy;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How one query loads an entity and, along the paths its loader options name, related entities: the columns per
 * entity ({@code defer}/{@code undefer}), and per relationship the strategy, batch size and the plan of the related
 * entity. Relationships no option names use their mapping's strategy.
 */
final class LoadPlan {
    /** One relationship's loading in this plan. */
    static final class Branch {
        final RelationshipMapping relationship;
        Strategy strategy;
        int batchSize;
        final LoadPlan child;
        /** For JOINED and CONTAINS_EAGER: where the related entity's columns start in the row. */
        int offset = -1;

        Branch(RelationshipMapping relationship, Strategy strategy, int batchSize, LoadPlan child) {
            this.relationship = relationship;
            this.strategy = strategy;
            this.batchSize = batchSize;
            this.child = child;
        }

        boolean inRow() {
            return strategy == Strategy.JOINED || strategy == Strategy.CONTAINS_EAGER;
        }
    }

    final EntityMapper mapper;
    final RelationshipMapping[] relationships;
    EntityColumns columns;
    final Map<RelationshipMapping, Branch> branches = new LinkedHashMap<>();
    boolean populateExisting;

    private LoadPlan(EntityMapper mapper, RelationshipMapping[] relationships) {
        this.mapper = mapper;
        this.relationships = relationships;
        this.columns = EntityColumns.of(mapper);
    }

    /** The plan of a plain load of {@code mapper} (lazy loads, get): mapping strategies only. */
    static LoadPlan plain(RegistryImpl registry, EntityMapper mapper) {
        return new LoadPlan(mapper, registry.relationships(mapper));
    }

    /** The plan of a select with {@code options}. */
    static LoadPlan of(RegistryImpl registry, EntityMapper mapper, List<LoaderOption> options) {
        LoadPlan root = plain(registry, mapper);
        Map<EntityMapper, Set<AttributeMapping>> undefer = new LinkedHashMap<>();
        Map<EntityMapper, Set<AttributeMapping>> defer = new LinkedHashMap<>();
        for (LoaderOption option : options) {
            if (option instanceof Loading.PopulateExisting) {
                root.populateExisting = true;
            } else if (option instanceof Loading.ColumnLoading column) {
                if (column.attribute().entityType() != mapper.type()) {
                    throw new ArgumentError((column.load() ? "undefer(" : "defer(") + column.attribute()
                            + ") does not apply to a select of " + mapper.entityName());
                }
                AttributeMapping attribute = mapper.attribute(column.attribute().name());
                (column.load() ? undefer : defer).computeIfAbsent(mapper, m -> new HashSet<>()).add(attribute);
            } else if (option instanceof Loading.RelationshipLoading path) {
                LoadPlan plan = root;
                for (Loading.Step step : path.path()) {
                    RelationshipMapping relationship = plan.relationship(step.attribute().entityType(),
                            step.attribute().name(), path);
                    Branch branch = plan.branches.get(relationship);
                    if (branch == null) {
                        branch = new Branch(relationship, step.strategy(), step.batchSize(),
                                plain(registry, relationship.target()));
                        plan.branches.put(relationship, branch);
                    } else if (step == path.path().get(path.path().size() - 1) || branch.strategy == Strategy.LAZY) {
                        branch.strategy = step.strategy();
                        branch.batchSize = step.batchSize();
                    }
                    plan = branch.child;
                }
            }
        }
        root.columns = EntityColumns.of(mapper, undefer.getOrDefault(mapper, Set.of()),
                defer.getOrDefault(mapper, Set.of()));
        return root;
    }

    private RelationshipMapping relationship(Class<?> owner, String name, Loading.RelationshipLoading path) {
        if (!owner.isAssignableFrom(mapper.type())) {
            throw new ArgumentError("loader option " + describe(path) + ": " + owner.getSimpleName() + "." + name
                    + " does not start from " + mapper.entityName() + " (the entity loaded at this point of the path)");
        }
        for (RelationshipMapping relationship : relationships) {
            if (relationship.name().equals(name)) {
                return relationship;
            }
        }
        throw new ArgumentError("loader option " + describe(path) + ": " + mapper.entityName()
                + " has no relationship '" + name + "'");
    }

    private static String describe(Loading.RelationshipLoading path) {
        StringBuilder text = new StringBuilder();
        for (Loading.Step step : path.path()) {
            text.append(text.length() == 0 ? "" : ".").append(switch (step.strategy()) {
                case LAZY -> "lazyLoad";
                case SELECTIN -> "selectinLoad";
                case JOINED -> "joinedLoad";
                case RAISE -> "raiseLoad";
                case NOLOAD -> "noLoad";
                case CONTAINS_EAGER -> "containsEager";
            }).append('(').append(step.attribute()).append(')');
        }
        return text.toString();
    }

    /** The strategy of a relationship in this plan: the option's, else the mapping's. */
    Strategy strategy(RelationshipMapping relationship) {
        Branch branch = branches.get(relationship);
        return branch != null ? branch.strategy : relationship.defaultStrategy();
    }

    /** Whether some relationship loads through the row (joined, containsEager), at any depth. */
    boolean hasRowBranches() {
        for (Branch branch : branches.values()) {
            if (branch.inRow()) {
                return true;
            }
        }
        return false;
    }

    /** Whether a collection is loaded through the row: the result then repeats parents and needs unique(). */
    boolean joinsCollection() {
        for (Branch branch : branches.values()) {
            if (branch.inRow() && (branch.relationship.isCollection() || branch.child.joinsCollection())) {
                return true;
            }
        }
        return false;
    }
}
