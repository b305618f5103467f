package dev.athanor.impl.orm.mapping;

import dev.athanor.schema.ForeignKey;
import dev.athanor.schema.MetaData;
import dev.athanor.schema.Schema;
import dev.athanor.schema.Table;
import dev.athanor.schema.TableElement;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Resolves the {@code @Relationship} fields of a registry's mappers: which foreign key joins the two sides (an error
 * naming the candidates when two could and {@code foreignKey} does not choose), the kind, the association table
 * (declaring one when no entity maps it), and the back sides named by {@code backPopulates}.
 */
final class RelationshipResolver {
    private static final Logger LOG = Logger.getLogger(RelationshipResolver.class);

    /** Resolved relationships per mapper, and the association tables the registry declared itself. */
    record Resolved(Map<EntityMapper, RelationshipMapping[]> relationships, List<Table> declaredTables) {
    }

    /** One way two tables can join: columns of {@code holder} referring to columns of the target table. */
    private record Candidate(Table holder, List<String> columns, List<String> targetColumns) {
        String describe() {
            return holder.name() + "(" + String.join(", ", columns) + ")";
        }
    }

    private final Map<String, EntityMapper> byTableName;
    private final List<String> problems;
    private final Map<String, Table> declared = new LinkedHashMap<>();
    private final MetaData declaredMetadata = new MetaData();

    private RelationshipResolver(Map<String, EntityMapper> byTableName, List<String> problems) {
        this.byTableName = byTableName;
        this.problems = problems;
    }

    static Resolved resolve(Iterable<EntityMapper> mappers, Map<String, EntityMapper> byTableName,
            List<String> problems) {
        return new RelationshipResolver(byTableName, problems).resolveAll(mappers);
    }

    private Resolved resolveAll(Iterable<EntityMapper> mappers) {
        Map<EntityMapper, RelationshipMapping[]> result = new IdentityHashMap<>();
        for (EntityMapper mapper : mappers) {
            List<RelationshipField> fields = mapper.relationshipFields();
            RelationshipMapping[] resolved = new RelationshipMapping[fields.size()];
            for (int i = 0; i < resolved.length; i++) {
                resolved[i] = resolve(mapper, fields.get(i), i);
            }
            result.put(mapper, resolved);
        }
        for (RelationshipMapping[] relationships : result.values()) {
            for (RelationshipMapping relationship : relationships) {
                if (relationship != null) {
                    linkBack(relationship, result);
                }
            }
        }
        for (RelationshipMapping[] relationships : result.values()) {
            for (RelationshipMapping relationship : relationships) {
                if (relationship != null) {
                    checkOverlaps(relationship, result);
                }
            }
        }
        return new Resolved(result, List.copyOf(declared.values()));
    }

    private String where(EntityMapper owner, RelationshipField field) {
        return owner.type().getName() + "." + field.name();
    }

    private RelationshipMapping resolve(EntityMapper owner, RelationshipField field, int index) {
        EntityMapper target = byTableName.values().stream().filter(m -> m.type() == field.target()).findFirst()
                .orElse(null);
        if (target == null) {
            problems.add(where(owner, field) + ": the related class " + field.target().getName()
                    + " is not in this registry; add it to Registry.of(...)");
            return null;
        }
        String chosen = field.annotation().foreignKey();
        if (!field.annotation().secondary().isEmpty()) {
            return manyToMany(owner, target, field, index, chosen);
        }
        List<Candidate> local = candidates(owner.table(), target);
        List<Candidate> remote = candidates(target.table(), owner);
        if (field.collection() != RelationshipField.CollectionKind.NONE) {
            List<Candidate> usable = choose(remote, chosen);
            if (usable.size() != 1) {
                return ambiguous(owner, field, usable.isEmpty() && chosen.isEmpty() ? remote : usable, chosen,
                        "a foreign key on " + target.table().name() + " referring to " + owner.table().name());
            }
            Candidate fk = usable.get(0);
            return new RelationshipMapping(owner, target, field, index, RelationshipMapping.Kind.ONE_TO_MANY,
                    attributes(owner, fk.targetColumns()), attributes(target, fk.columns()), null, null, null);
        }
        List<Candidate> usableLocal = choose(local, chosen);
        if (usableLocal.size() == 1) {
            Candidate fk = usableLocal.get(0);
            return new RelationshipMapping(owner, target, field, index, RelationshipMapping.Kind.MANY_TO_ONE,
                    attributes(owner, fk.columns()), attributes(target, fk.targetColumns()), null, null, null);
        }
        if (usableLocal.isEmpty()) {
            List<Candidate> usableRemote = owner == target ? List.of() : choose(remote, chosen);
            if (usableRemote.size() == 1) {
                Candidate fk = usableRemote.get(0);
                return new RelationshipMapping(owner, target, field, index, RelationshipMapping.Kind.ONE_TO_ONE,
                        attributes(owner, fk.targetColumns()), attributes(target, fk.columns()), null, null, null);
            }
            if (!usableRemote.isEmpty()) {
                return ambiguous(owner, field, usableRemote, chosen, null);
            }
            List<Candidate> all = new ArrayList<>(local);
            all.addAll(remote);
            return ambiguous(owner, field, chosen.isEmpty() ? all : List.of(), chosen,
                    "a foreign key between " + owner.table().name() + " and " + target.table().name());
        }
        return ambiguous(owner, field, usableLocal, chosen, null);
    }

    private RelationshipMapping ambiguous(EntityMapper owner, RelationshipField field, List<Candidate> candidates,
            String chosen, String wanted) {
        if (candidates.isEmpty()) {
            problems.add(where(owner, field) + ": no foreign key joins " + owner.entityName() + " and "
                    + field.target().getSimpleName() + (chosen.isEmpty() ? "" : " through column '" + chosen + "'")
                    + "; declare " + wanted + " with @ForeignKey on the key column");
        } else {
            problems.add(where(owner, field) + ": " + candidates.size() + " foreign keys could join "
                    + owner.entityName() + " and " + field.target().getSimpleName() + ": "
                    + candidates.stream().map(Candidate::describe).toList()
                    + "; say which with @Relationship(foreignKey = \"<column>\")");
        }
        return null;
    }

    private static List<Candidate> choose(List<Candidate> candidates, String chosen) {
        if (chosen.isEmpty()) {
            return candidates;
        }
        List<String> names = Arrays.stream(chosen.split(",")).map(String::trim).toList();
        return candidates.stream().filter(c -> c.columns().stream().anyMatch(column -> names.stream().anyMatch(
                n -> n.equalsIgnoreCase(column) || n.equalsIgnoreCase(NameStyle.snakeCase(column))
                        || NameStyle.snakeCase(n).equalsIgnoreCase(column)))).toList();
    }

    /** The ways {@code holder}'s foreign keys refer to {@code target}'s table (grouped for composite keys). */
    private static List<Candidate> candidates(Table holder, EntityMapper target) {
        List<ForeignKey> toTarget = holder.foreignKeys().stream()
                .filter(fk -> fk.targetTable().equalsIgnoreCase(target.table().name())).toList();
        List<Candidate> result = new ArrayList<>();
        if (target.primaryKey().length > 1 && !toTarget.isEmpty()
                && toTarget.stream().allMatch(fk -> fk.columns().size() == 1)) {
            List<String> columns = new ArrayList<>();
            List<String> targetColumns = new ArrayList<>();
            toTarget.forEach(fk -> {
                columns.addAll(fk.columns());
                targetColumns.addAll(fk.targetColumns());
            });
            result.add(new Candidate(holder, columns, targetColumns));
            return result;
        }
        for (ForeignKey fk : toTarget) {
            result.add(new Candidate(holder, fk.columns(), fk.targetColumns()));
        }
        return result;
    }

    private AttributeMapping[] attributes(EntityMapper mapper, List<String> columns) {
        AttributeMapping[] result = new AttributeMapping[columns.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = mapper.findAttribute(columns.get(i));
        }
        return result;
    }

    // ------------------------------------------------------------------ many-to-many

    private RelationshipMapping manyToMany(EntityMapper owner, EntityMapper target, RelationshipField field,
            int index, String chosen) {
        String name = field.annotation().secondary();
        EntityMapper mapped = byTableName.get(name.toLowerCase(Locale.ROOT));
        Table secondary = mapped != null ? mapped.table() : declared.get(name.toLowerCase(Locale.ROOT));
        if (secondary == null) {
            if (owner == target) {
                problems.add(where(owner, field) + ": the association table '" + name + "' of a self-referential "
                        + "many-to-many must be mapped as an @Entity (its two key columns cannot be named after "
                        + "the entities)");
                return null;
            }
            secondary = declare(name, owner, target);
        }
        List<Candidate> toOwner = choose(candidates(secondary, owner), owner == target ? chosen : "");
        List<Candidate> toTarget = candidates(secondary, target);
        if (owner != target && !chosen.isEmpty() && !choose(toOwner, chosen).isEmpty()) {
            toOwner = choose(toOwner, chosen);
        }
        if (owner == target) {
            if (chosen.isEmpty()) {
                problems.add(where(owner, field) + ": the association table '" + name + "' has " + toTarget.size()
                        + " foreign keys to " + owner.table().name() + " "
                        + toTarget.stream().map(Candidate::describe).toList() + "; name the one that refers to this "
                        + "side with @Relationship(foreignKey = \"<column>\")");
                return null;
            }
            List<Candidate> ownerSide = toOwner;
            toTarget = toTarget.stream().filter(c -> !ownerSide.contains(c)).toList();
        }
        if (toOwner.size() != 1 || toTarget.size() != 1) {
            problems.add(where(owner, field) + ": the association table '" + name + "' needs exactly one foreign key "
                    + "to " + owner.table().name() + " and one to " + target.table().name() + "; it has "
                    + toOwner.stream().map(Candidate::describe).toList() + " and "
                    + toTarget.stream().map(Candidate::describe).toList());
            return null;
        }
        Candidate ownerSide = toOwner.get(0);
        Candidate targetSide = toTarget.get(0);
        return new RelationshipMapping(owner, target, field, index, RelationshipMapping.Kind.MANY_TO_MANY,
                attributes(owner, ownerSide.targetColumns()), attributes(target, targetSide.targetColumns()),
                secondary, ownerSide.columns(), targetSide.columns());
    }

    /** An association table no entity maps: two key columns per side, named after the entities. */
    private Table declare(String name, EntityMapper owner, EntityMapper target) {
        List<TableElement> elements = new ArrayList<>();
        List<String> keyColumns = new ArrayList<>();
        for (EntityMapper side : owner.table().name().compareToIgnoreCase(target.table().name()) <= 0
                ? List.of(owner, target) : List.of(target, owner)) {
            for (AttributeMapping pk : side.primaryKey()) {
                String column = NameStyle.snakeCase(side.type().getSimpleName()) + "_" + pk.columnName();
                elements.add(Schema.column(column, pk.column().type()).nullable(false)
                        .references(side.table().name() + "." + pk.columnName()));
                keyColumns.add(column);
            }
        }
        elements.add(Schema.primaryKey(keyColumns.toArray(String[]::new)));
        Table table = declaredMetadata.table(name, elements.toArray(TableElement[]::new));
        declared.put(name.toLowerCase(Locale.ROOT), table);
        return table;
    }

    // ------------------------------------------------------------------ back sides

    private void linkBack(RelationshipMapping relationship, Map<EntityMapper, RelationshipMapping[]> all) {
        String backName = relationship.ownerBackName();
        if (backName.isEmpty()) {
            return;
        }
        RelationshipMapping[] candidates = all.get(relationship.target());
        RelationshipMapping back = null;
        for (RelationshipMapping candidate : candidates == null ? new RelationshipMapping[0] : candidates) {
            if (candidate != null && candidate.name().equals(backName)) {
                back = candidate;
            }
        }
        String where = relationship.owner().type().getName() + "." + relationship.name();
        if (back == null) {
            problems.add(where + ": backPopulates = \"" + backName + "\" but " + relationship.target().entityName()
                    + " has no relationship '" + backName + "'");
            return;
        }
        boolean matches = back.target() == relationship.owner() && switch (relationship.kind()) {
            case MANY_TO_ONE -> (back.kind() == RelationshipMapping.Kind.ONE_TO_MANY
                    || back.kind() == RelationshipMapping.Kind.ONE_TO_ONE)
                    && Arrays.equals(back.targetColumns(), relationship.ownerColumns());
            case ONE_TO_MANY, ONE_TO_ONE -> back.kind() == RelationshipMapping.Kind.MANY_TO_ONE
                    && Arrays.equals(back.ownerColumns(), relationship.targetColumns());
            case MANY_TO_MANY -> back.kind() == RelationshipMapping.Kind.MANY_TO_MANY
                    && back.secondary() == relationship.secondary();
        };
        if (!matches) {
            problems.add(where + ": backPopulates = \"" + backName + "\" names " + back + ", which is not the other "
                    + "side of the same foreign key (" + relationship.kind() + " against " + back.kind() + ")");
            return;
        }
        relationship.back(back);
    }

    /** SQLAlchemy's warning: two relationships write the same columns without saying they know. */
    private void checkOverlaps(RelationshipMapping relationship, Map<EntityMapper, RelationshipMapping[]> all) {
        List<String> overlaps = relationship.overlaps();
        for (String name : overlaps) {
            boolean known = Arrays.stream(all.getOrDefault(relationship.owner(), new RelationshipMapping[0]))
                    .anyMatch(r -> r != null && r.name().equals(name))
                    || Arrays.stream(all.getOrDefault(relationship.target(), new RelationshipMapping[0]))
                    .anyMatch(r -> r != null && r.name().equals(name));
            if (!known) {
                problems.add(relationship.owner().type().getName() + "." + relationship.name() + ": overlaps names '"
                        + name + "', which is not a relationship of " + relationship.owner().entityName() + " or "
                        + relationship.target().entityName());
            }
        }
        if (relationship.kind() != RelationshipMapping.Kind.MANY_TO_MANY) {
            return;
        }
        for (RelationshipMapping[] others : all.values()) {
            for (RelationshipMapping other : others) {
                if (other == null || other == relationship || other == relationship.back()
                        || relationship == other.back() || other.kind() != RelationshipMapping.Kind.MANY_TO_MANY
                        || other.secondary() != relationship.secondary() || overlaps.contains(other.name())
                        || other.overlaps().contains(relationship.name())) {
                    continue;
                }
                LOG.warnf("relationship %s will copy the same association rows as %s; if that is intended, say so "
                        + "with overlaps = \"%s\" (or link them with backPopulates)", relationship, other,
                        other.name());
            }
        }
    }

}
