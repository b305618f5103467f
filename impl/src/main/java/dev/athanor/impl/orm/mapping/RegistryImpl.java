package dev.athanor.impl.orm.mapping;

import dev.athanor.ArgumentError;
import dev.athanor.orm.MappingError;
import dev.athanor.orm.Registry;
import dev.athanor.schema.Column;
import dev.athanor.schema.ForeignKey;
import dev.athanor.schema.MetaData;
import dev.athanor.schema.Table;
import dev.athanor.spi.CoreServices;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A validated set of mappers with the MetaData of their tables. A fixed registry ({@code Registry.of}) is checked as
 * a whole when made; the open one behind {@code SessionMaker.of(engine)} adds classes as sessions meet them.
 */
public final class RegistryImpl implements Registry {
    private final boolean open;
    private volatile State state;

    /** An immutable snapshot: replaced as a whole when an open registry grows. */
    private record State(Map<Class<?>, EntityMapper> byClass, Map<Table, EntityMapper> byTable, MetaData metadata,
            List<EntityMapper> flushOrder, Map<EntityMapper, RelationshipMapping[]> relationships,
            boolean hasRelationships) {
    }

    private static final RelationshipMapping[] NONE = new RelationshipMapping[0];

    private RegistryImpl(boolean open, State state) {
        this.open = open;
        this.state = state;
    }

    /** Maps and validates {@code classes}; every problem is in one {@link MappingError}. */
    public static RegistryImpl of(Collection<Class<?>> classes) {
        List<Class<?>> all = new ArrayList<>();
        for (Class<?> type : classes) {
            if (type == null || Mappers.orNull(type) == null) {
                all.add(type); // reported by build()
            } else {
                addWithTargets(type, all);
            }
        }
        return new RegistryImpl(false, build(all));
    }

    /** A registry that maps classes on first use. */
    public static RegistryImpl open() {
        return new RegistryImpl(true, build(List.of()));
    }

    private static State build(Collection<Class<?>> classes) {
        List<String> problems = new ArrayList<>();
        Map<Class<?>, EntityMapper> byClass = new LinkedHashMap<>();
        for (Class<?> type : classes) {
            if (type == null) {
                problems.add("Registry.of() got a null class");
                continue;
            }
            EntityMapper mapper = Mappers.orNull(type);
            if (mapper == null) {
                problems.addAll(Mappers.problems(type));
            } else {
                byClass.put(type, mapper);
            }
        }
        Map<String, EntityMapper> byTableName = new HashMap<>();
        for (EntityMapper mapper : byClass.values()) {
            EntityMapper other = byTableName.put(mapper.table().name().toLowerCase(Locale.ROOT), mapper);
            if (other != null) {
                problems.add(mapper.type().getName() + " and " + other.type().getName() + " are both mapped to table '"
                        + mapper.table().name() + "'");
            }
        }
        for (EntityMapper mapper : byClass.values()) {
            checkForeignKeys(mapper, byTableName, problems);
        }
        RelationshipResolver.Resolved resolved = problems.isEmpty()
                ? RelationshipResolver.resolve(byClass.values(), byTableName, problems) : null;
        if (!problems.isEmpty()) {
            throw new MappingError(problems);
        }
        return state(byClass, resolved);
    }

    private static State state(Map<Class<?>, EntityMapper> byClass, RelationshipResolver.Resolved resolved) {
        MetaData metadata = new MetaData();
        Map<Table, EntityMapper> byTable = new IdentityHashMap<>();
        for (EntityMapper mapper : byClass.values()) {
            metadata.include(mapper.table());
            byTable.put(mapper.table(), mapper);
        }
        for (Table table : resolved.declaredTables()) {
            metadata.include(table);
        }
        List<EntityMapper> order = new ArrayList<>();
        for (Table table : CoreServices.sortByDependency(metadata.tables())) {
            EntityMapper mapper = byTable.get(table);
            if (mapper != null) {
                order.add(mapper);
            }
        }
        boolean any = false;
        for (RelationshipMapping[] relationships : resolved.relationships().values()) {
            any |= relationships.length > 0;
        }
        return new State(Map.copyOf(byClass), byTable, metadata, List.copyOf(order), resolved.relationships(), any);
    }

    /** Whether some mapper of this registry has relationships (else a flush skips relationship work). */
    public boolean hasRelationships() {
        return state.hasRelationships;
    }

    /** The resolved relationships of a mapper of this registry (empty when it has none). */
    public RelationshipMapping[] relationships(EntityMapper mapper) {
        RelationshipMapping[] relationships = state.relationships.get(mapper);
        return relationships == null ? NONE : relationships;
    }

    private static void checkForeignKeys(EntityMapper mapper, Map<String, EntityMapper> byTableName,
            List<String> problems) {
        for (ForeignKey fk : mapper.table().foreignKeys()) {
            String where = mapper.type().getName() + "." + attributeOf(mapper, fk.columns().get(0));
            EntityMapper target = byTableName.get(fk.targetTable().toLowerCase(Locale.ROOT));
            if (target == null) {
                problems.add(where + ": @ForeignKey(\"" + fk.targetTable() + "." + String.join(",", fk.targetColumns())
                        + "\") refers to table '" + fk.targetTable() + "', which no mapped class of this registry has"
                        + "; mapped tables are " + byTableName.keySet().stream().sorted().toList());
                continue;
            }
            for (String targetColumn : fk.targetColumns()) {
                boolean found = false;
                for (Column<?> column : target.table().columns()) {
                    found |= column.name().equalsIgnoreCase(targetColumn);
                }
                if (!found) {
                    problems.add(where + ": @ForeignKey refers to column '" + targetColumn + "' of table '"
                            + fk.targetTable() + "' (" + target.type().getSimpleName() + "), which has "
                            + target.table().columns().stream().map(Column::name).toList());
                }
            }
        }
    }

    private static String attributeOf(EntityMapper mapper, String column) {
        AttributeMapping attribute = mapper.findAttribute(column);
        return attribute == null ? column : attribute.name();
    }

    /** The mapper of {@code type}; an open registry maps it now. */
    public EntityMapper mapper(Class<?> type) {
        EntityMapper mapper = state.byClass.get(type);
        if (mapper != null) {
            return mapper;
        }
        if (!open) {
            if (type.isAnnotationPresent(dev.athanor.orm.mapping.Entity.class)) {
                throw new ArgumentError(type.getName() + " is not in this session's registry; its classes are "
                        + state.byClass.keySet().stream().map(Class::getSimpleName).sorted().toList());
            }
            throw new ArgumentError(type.getName() + " is not a mapped class: annotate it @Entity");
        }
        return grow(type);
    }

    /** The mapper of an object's class (or of the mapped class it extends, for lazy-loading subclasses). */
    public EntityMapper mapperOf(Object entity) {
        if (entity == null) {
            throw new ArgumentError("null is not a mapped object");
        }
        Class<?> type = entity.getClass();
        EntityMapper mapper = state.byClass.get(type);
        if (mapper != null) {
            return mapper;
        }
        if (LoadingSubclass.class.isAssignableFrom(type)) {
            return mapper(type.getSuperclass());
        }
        return mapper(type);
    }

    private synchronized EntityMapper grow(Class<?> type) {
        EntityMapper mapper = state.byClass.get(type);
        if (mapper != null) {
            return mapper;
        }
        Mappers.of(type); // fails with this class's own problems first
        List<Class<?>> classes = new ArrayList<>(state.byClass.keySet());
        addWithTargets(type, classes);
        // a foreign key to a class not met yet is not an error for an open registry: map what its targets need
        state = buildOpen(classes);
        return state.byClass.get(type);
    }

    /** A class and, transitively, the classes its relationships refer to. */
    private static void addWithTargets(Class<?> type, List<Class<?>> classes) {
        if (classes.contains(type) || !type.isAnnotationPresent(dev.athanor.orm.mapping.Entity.class)) {
            return;
        }
        classes.add(type);
        EntityMapper mapper = Mappers.orNull(type);
        if (mapper != null) {
            for (RelationshipField field : mapper.relationshipFields()) {
                addWithTargets(field.target(), classes);
            }
        }
    }

    private static State buildOpen(List<Class<?>> classes) {
        try {
            return build(classes);
        } catch (MappingError e) {
            List<String> real = e.problems().stream().filter(p -> !p.contains("which no mapped class")).toList();
            if (!real.isEmpty()) {
                throw new MappingError(real);
            }
            return buildUnchecked(classes);
        }
    }

    private static State buildUnchecked(List<Class<?>> classes) {
        Map<Class<?>, EntityMapper> byClass = new LinkedHashMap<>();
        Map<String, EntityMapper> byTableName = new HashMap<>();
        for (Class<?> type : classes) {
            EntityMapper mapper = Mappers.of(type);
            byClass.put(type, mapper);
            byTableName.put(mapper.table().name().toLowerCase(Locale.ROOT), mapper);
        }
        List<String> problems = new ArrayList<>();
        RelationshipResolver.Resolved resolved = RelationshipResolver.resolve(byClass.values(), byTableName, problems);
        if (!problems.isEmpty()) {
            throw new MappingError(problems);
        }
        return state(byClass, resolved);
    }

    /** The mapper of a mapped table, or null. */
    public EntityMapper mapperOfTable(Table table) {
        return state.byTable.get(table);
    }

    /** Mappers in foreign key order (a table after those it refers to). */
    public List<EntityMapper> flushOrder() {
        return state.flushOrder;
    }

    @Override
    public MetaData metadata() {
        return state.metadata;
    }

    @Override
    public Table table(Class<?> entity) {
        return mapper(entity).table();
    }

    @Override
    public List<Class<?>> entities() {
        return List.copyOf(state.byClass.keySet());
    }

    @Override
    public boolean contains(Class<?> entity) {
        return state.byClass.containsKey(entity);
    }

    @Override
    public String toString() {
        return "Registry" + state.byClass.keySet().stream().map(Class::getSimpleName).toList();
    }
}
