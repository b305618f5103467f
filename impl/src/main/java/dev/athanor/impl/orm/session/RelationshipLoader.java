package dev.athanor.impl.orm.session;

import dev.athanor.InvalidRequestError;
import dev.athanor.Result;
import dev.athanor.Row;
import dev.athanor.Select;
import dev.athanor.Sql;
import dev.athanor.impl.orm.loading.LoadingSubclasses;
import dev.athanor.impl.orm.loading.TrackedCollection;
import dev.athanor.impl.orm.mapping.AttributeMapping;
import dev.athanor.impl.orm.mapping.EntityMapper;
import dev.athanor.impl.orm.mapping.RelationshipMapping;
import dev.athanor.impl.orm.mapping.RelationshipMapping.Kind;
import dev.athanor.orm.DetachedInstanceError;
import dev.athanor.orm.LazyLoadError;
import dev.athanor.orm.Loading.Strategy;
import dev.athanor.schema.Column;
import dev.athanor.sql.Expression;
import dev.athanor.sql.FromClause;
import dev.athanor.sql.TableAlias;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads relationships for a session: sets up the fields of loaded objects (tracked collections, unloaded to-ones),
 * lazy loads on first access, {@code selectinLoad} ({@code IN} queries per batch of parents), the joins and row
 * reading of {@code joinedLoad}/{@code containsEager}, and {@code raiseLoad}/{@code noLoad}. Objects always go
 * through the identity map.
 */
final class RelationshipLoader {
    private final SessionImpl session;

    RelationshipLoader(SessionImpl session) {
        this.session = session;
    }

    // ------------------------------------------------------------------ loaded objects

    /** A loaded (or reloaded) object's relationship fields: tracked collections and to-ones, all unloaded. */
    void install(InstanceState state, RelationshipMapping[] relationships) {
        Object entity = state.entity();
        state.clearRelated();
        for (RelationshipMapping relationship : relationships) {
            if (relationship.isCollection()) {
                relationship.set(entity, TrackedCollection.of(relationship, entity, session, null));
                continue;
            }
            relationship.set(entity, null);
            if (relationship.kind() == Kind.MANY_TO_ONE && foreignKeyIsNull(state, relationship)) {
                state.related(relationship.index(), null, relationships.length);
            }
        }
    }

    private static boolean foreignKeyIsNull(InstanceState state, RelationshipMapping relationship) {
        for (AttributeMapping column : relationship.ownerColumns()) {
            if (!state.isLoaded(column)) {
                return false;
            }
            if (column.get(state.entity()) == null) {
                return true;
            }
        }
        return false;
    }

    static boolean isLoaded(InstanceState state, RelationshipMapping relationship) {
        if (!relationship.isCollection() && state.related(relationship.index()) != InstanceState.UNLOADED) {
            return true;
        }
        Object value = relationship.get(state.entity());
        if (relationship.isCollection()) {
            return !(value instanceof TrackedCollection tracked) || tracked.isLoaded()
                    || tracked.ownerEntity() != state.entity();
        }
        return value != null;
    }

    /**
     * Sets a relationship as loaded with {@code members} (a collection: the list becomes its snapshot, so the caller
     * hands it over) or its first element (a to-one).
     */
    void setLoaded(InstanceState state, RelationshipMapping relationship, List<Object> members) {
        setLoaded(state, relationship, members, false);
    }

    /**
     * As above; {@code backSet} when the members' back-references are already set (a selectin load sets them as it
     * reads each member, see {@link #select}): otherwise each member's state is looked up by identity to set it.
     */
    private void setLoaded(InstanceState state, RelationshipMapping relationship, List<Object> members,
            boolean backSet) {
        int count = state.relationships().length;
        if (relationship.isCollection()) {
            Object value = relationship.get(state.entity());
            TrackedCollection tracked = value instanceof TrackedCollection t && t.ownerEntity() == state.entity() ? t
                    : TrackedCollection.of(relationship, state.entity(), session, null);
            tracked.loaded(members);
            if (tracked != value) {
                relationship.set(state.entity(), tracked);
            }
            // the members list belongs to the caller's load and is not changed afterwards: it is the snapshot
            state.related(relationship.index(), members, count);
            RelationshipMapping back = relationship.back();
            if (!backSet && back != null && !back.isCollection()) {
                for (Object member : members) {
                    setBackReference(back, session.stateOf(member), state.entity());
                }
            }
        } else {
            Object value = members.isEmpty() ? null : members.get(0);
            relationship.set(state.entity(), value);
            state.related(relationship.index(), value, count);
        }
    }

    /**
     * Sets a member's to-one back-reference to the parent it was loaded for, unless the member already holds one (set
     * by the application, or loaded).
     */
    private static void setBackReference(RelationshipMapping back, InstanceState member, Object parent) {
        if (member != null && member.related(back.index()) == InstanceState.UNLOADED
                && back.get(member.entity()) == null) {
            back.set(member.entity(), parent);
            member.related(back.index(), parent, member.relationships().length);
        }
    }

    // ------------------------------------------------------------------ lazy loads

    /** Loads {@code relationship} now if it is not loaded (an explicit load: raiseLoad and noload do not apply). */
    void loadNow(InstanceState state, RelationshipMapping relationship) {
        if (!isLoaded(state, relationship) && state.status() != InstanceState.Status.PENDING) {
            lazyLoad(state, relationship, Strategy.LAZY);
        }
    }

    void loadCollection(TrackedCollection collection) {
        RelationshipMapping relationship = collection.relationship();
        InstanceState state = checkAttached(collection.ownerEntity(), relationship);
        if (collection.isLoaded()) {
            return;
        }
        Strategy strategy = strategy(state, relationship);
        if (strategy == Strategy.NOLOAD || state.status() == InstanceState.Status.PENDING) {
            setLoaded(state, relationship, List.of());
            return;
        }
        lazyLoad(state, relationship, strategy);
    }

    void loadToOne(Object entity, String getterName) {
        InstanceState state = session.stateOf(entity);
        if (state == null || session.isClosed()) {
            return; // a detached object's getters are answered by its Detached stand-in
        }
        for (RelationshipMapping relationship : state.relationships()) {
            if (getterName.equals(relationship.getterMethod())) {
                if (!isLoaded(state, relationship) && state.status() != InstanceState.Status.PENDING) {
                    Strategy strategy = strategy(state, relationship);
                    if (strategy == Strategy.NOLOAD) {
                        setLoaded(state, relationship, List.of());
                    } else {
                        lazyLoad(state, relationship, strategy);
                    }
                }
                return;
            }
        }
    }

    private void lazyLoad(InstanceState state, RelationshipMapping relationship, Strategy strategy) {
        if (strategy == Strategy.RAISE) {
            throw new LazyLoadError(state.describe() + "." + relationship.name() + " is not loaded and "
                    + "raiseLoad forbids loading it lazily (one more query per object: the N+1 problem); load it "
                    + "with the query, e.g. select(" + relationship.owner().entityName() + ".class).options("
                    + "selectinLoad(" + relationship.owner().entityName() + "_." + relationship.name() + "))");
        }
        if (relationship.kind() == Kind.MANY_TO_ONE) {
            Object cached = fromIdentityMap(state, relationship);
            if (cached != null) {
                setLoaded(state, relationship, List.of(cached));
                return;
            }
            if (foreignKeyIsNull(state, relationship)) {
                setLoaded(state, relationship, List.of());
                return;
            }
        }
        session.beforeImplicitLoad(relationship.owner().entityName(), relationship.name());
        session.lazyLoadStarting(relationship);
        LoadPlan targetPlan = LoadPlan.plain(session.registryImpl(), relationship.target());
        boolean deeper = targetPlan.hasWorkAfterLoad();
        Loaded loaded = selectFor(state, relationship, true, deeper);
        List<Object> members = loaded != null ? loaded.members : new ArrayList<>();
        setLoaded(state, relationship, members, true);
        if (deeper && loaded != null) {
            afterLoad(loaded.states, targetPlan, false);
        }
    }

    /** A many-to-one's target already in the identity map (no SQL), or null. */
    private Object fromIdentityMap(InstanceState state, RelationshipMapping relationship) {
        AttributeMapping[] fk = relationship.ownerColumns();
        AttributeMapping[] referenced = relationship.targetColumns();
        AttributeMapping[] targetKey = relationship.target().primaryKey();
        if (!Arrays.equals(referenced, targetKey)) {
            return null;
        }
        Object[] parts = new Object[fk.length];
        for (int i = 0; i < fk.length; i++) {
            parts[i] = fk[i].get(state.entity());
            if (parts[i] == null) {
                return null;
            }
        }
        Object key = parts.length == 1 ? relationship.target().normalizeKey(parts[0])
                : relationship.target().normalizeKey(List.of(parts));
        InstanceState found = session.stateOfKey(relationship.target(), key);
        return found == null || found.isExpired() || found.status() == InstanceState.Status.DELETED ? null
                : found.entity();
    }

    private InstanceState checkAttached(Object entity, RelationshipMapping relationship) {
        InstanceState state = session.stateOf(entity);
        if (state == null || session.isClosed()) {
            EntityMapper mapper = relationship.owner();
            String object = mapper.describe(entity);
            throw new DetachedInstanceError(object + "." + relationship.name() + " is not loaded and " + object
                    + " is detached (its session is closed, or it was expunged), so nothing can load it; load it "
                    + "while the session is open, with the query (select(" + mapper.entityName() + ".class).options("
                    + "selectinLoad(" + mapper.entityName() + "_." + relationship.name() + ")) or joinedLoad), or "
                    + "read it before closing the session");
        }
        return state;
    }

    private static Strategy strategy(InstanceState state, RelationshipMapping relationship) {
        Strategy strategy = state.strategy(relationship.index());
        return strategy != null ? strategy : relationship.defaultStrategy();
    }

    // ------------------------------------------------------------------ after a query

    /**
     * Applies a plan to objects just loaded: selectin loads, raise and noload marks, the mapping's eager strategies;
     * then the same for the related objects loaded, along the plan.
     */
    void afterLoad(List<InstanceState> parents, LoadPlan plan, boolean populateExisting) {
        if (parents.isEmpty() || plan.relationships.length == 0) {
            return;
        }
        for (RelationshipMapping relationship : plan.relationships) {
            LoadPlan.Branch branch = plan.branches.get(relationship);
            Strategy strategy = branch != null ? branch.strategy : relationship.defaultStrategy();
            LoadPlan child = branch != null ? branch.child : LoadPlan.plain(session.registryImpl(),
                    relationship.target());
            switch (strategy) {
                case RAISE, NOLOAD -> {
                    for (InstanceState parent : parents) {
                        if (!isLoaded(parent, relationship)) {
                            parent.strategy(relationship.index(), strategy, plan.relationships.length);
                            if (strategy == Strategy.NOLOAD) {
                                setLoaded(parent, relationship, List.of());
                            }
                        }
                    }
                }
                case LAZY -> {
                    if (branch != null) {
                        for (InstanceState parent : parents) {
                            parent.strategy(relationship.index(), Strategy.LAZY, plan.relationships.length);
                        }
                    }
                }
                case SELECTIN, JOINED, CONTAINS_EAGER -> {
                    if (branch != null && branch.inRow()) {
                        if (child.hasWorkAfterLoad()) {
                            afterLoad(related(parents, relationship), child, populateExisting);
                        }
                        continue;
                    }
                    List<InstanceState> todo = new ArrayList<>();
                    for (InstanceState parent : parents) {
                        if (populateExisting || !isLoaded(parent, relationship)) {
                            todo.add(parent);
                        }
                    }
                    int batch = branch != null ? branch.batchSize : dev.athanor.orm.Loading.DEFAULT_BATCH_SIZE;
                    boolean deeper = child.hasWorkAfterLoad();
                    Loaded[] loaded = select(todo, relationship, batch, populateExisting, true, deeper);
                    List<InstanceState> members = deeper ? new ArrayList<>() : null;
                    Set<InstanceState> seen = deeper ? Collections.newSetFromMap(new IdentityHashMap<>()) : null;
                    for (int p = 0; p < loaded.length; p++) {
                        InstanceState parent = todo.get(p);
                        Loaded of = loaded[p];
                        if (of == null) {
                            setLoaded(parent, relationship, relationship.isCollection() ? new ArrayList<>() : List.of());
                            continue;
                        }
                        if (deeper) {
                            for (InstanceState member : of.states) {
                                if (seen.add(member)) {
                                    members.add(member);
                                }
                            }
                        }
                        setLoaded(parent, relationship, of.members, true);
                    }
                    if (deeper) {
                        afterLoad(members, child, populateExisting);
                    }
                }
            }
        }
    }

    /** The distinct objects a relationship of {@code parents} holds (loaded ones only). */
    private List<InstanceState> related(List<InstanceState> parents, RelationshipMapping relationship) {
        List<Object> members = new ArrayList<>();
        for (InstanceState parent : parents) {
            Object value = relationship.get(parent.entity());
            if (value instanceof TrackedCollection tracked) {
                members.addAll(tracked.raw());
            } else if (value instanceof Collection<?> collection) {
                members.addAll(collection);
            } else if (value != null) {
                members.add(value);
            }
        }
        return states(members);
    }

    private List<InstanceState> states(List<Object> entities) {
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<InstanceState> result = new ArrayList<>();
        for (Object entity : entities) {
            if (seen.add(entity)) {
                InstanceState state = session.stateOf(entity);
                if (state != null) {
                    result.add(state);
                }
            }
        }
        return result;
    }

    // ------------------------------------------------------------------ the SELECTs

    /**
     * Loads a relationship for several parents: per batch one {@code SELECT target ... WHERE key IN (...)} (through
     * the association table for a many-to-many); the members of each parent, in key order, at the parent's position
     * in {@code parents} (null for a parent without members). By position, so that no parent's state is hashed.
     * With {@code setBack}, each member of a one-to-many is given its back-reference (to its first parent) as its row
     * is read, while its object and state are at hand; {@code keepStates} keeps the members' states in the result
     * (for loads below them).
     */
    Loaded[] select(List<InstanceState> parents, RelationshipMapping relationship, int batchSize,
            boolean populateExisting, boolean setBack, boolean keepStates) {
        Loaded[] result = new Loaded[parents.size()];
        if (parents.isEmpty()) {
            return result;
        }
        EntityMapper target = relationship.target();
        LoadingSubclasses.install(target);
        boolean manyToOne = relationship.kind() == Kind.MANY_TO_ONE;
        AttributeMapping[] parentSide = relationship.ownerColumns();
        // One group per distinct key: its parents and the members read for it (no per-member map lookup by parent)
        Map<Object, Group> byKey = new HashMap<>(parents.size() * 2);
        List<Object> keys = new ArrayList<>(parents.size());
        for (int position = 0; position < parents.size(); position++) {
            Object key = keyOf(parentSide, parents.get(position).entity());
            if (key != null) {
                Group group = byKey.get(key);
                if (group == null) {
                    byKey.put(key, new Group(position, keepStates));
                    keys.add(key);
                } else {
                    group.add(position);
                }
            }
        }
        EntityColumns columns = EntityColumns.of(target);
        for (int from = 0; from < keys.size(); from += batchSize) {
            List<Object> chunk = keys.subList(from, Math.min(keys.size(), from + batchSize));
            Select<?> select;
            List<Column<?>> matchColumns;
            int extra = 0;
            if (relationship.kind() == Kind.MANY_TO_MANY) {
                List<Column<?>> secondaryColumns = relationship.secondary().columns();
                List<Column<?>> ownerRefs = columnsNamed(secondaryColumns, relationship.secondaryOwnerColumns());
                List<Column<?>> targetRefs = columnsNamed(secondaryColumns, relationship.secondaryTargetColumns());
                List<Expression<?>> selected = new ArrayList<>(columns.expressions(target.table()));
                selected.addAll(ownerRefs);
                extra = ownerRefs.size();
                Expression<Boolean>[] on = equalities(targetRefs, relationship.targetColumns(), null);
                select = Select.ofEntity(target.type(), selected, List.of(target.table()))
                        .join(relationship.secondary(), Sql.and(on));
                matchColumns = ownerRefs;
            } else {
                select = Select.ofEntity(target.type(), columns.expressions(target.table()), List.of(target.table()));
                matchColumns = new ArrayList<>();
                for (AttributeMapping column : relationship.targetColumns()) {
                    matchColumns.add(column.column());
                }
            }
            select = select.where(in(matchColumns, chunk, session.conn().dialect()));
            try (Result rows = session.conn().execute(select)) {
                readMembers(rows, relationship, columns, extra, populateExisting, byKey,
                        setBack ? parents : null);
            }
        }
        for (Object key : keys) {
            Group group = byKey.get(key);
            if (group.entities.isEmpty()) {
                continue;   // null in the result, as a parent without members always was
            }
            List<Object> entities = group.entities;
            if (!manyToOne && group.unordered) {
                if (group.members == null) {
                    sortByKey(target, entities);
                } else {
                    sortStatesByKey(target, group.members);
                    entities.clear();
                    for (InstanceState member : group.members) {
                        entities.add(member.entity());
                    }
                }
            }
            result[group.position] = new Loaded(entities, group.members);
            if (group.more != null) {
                for (int other : group.more) {
                    // each parent's list is its own snapshot
                    result[other] = new Loaded(new ArrayList<>(entities), group.members);
                }
            }
        }
        return result;
    }

    /**
     * Reads a selectin query's rows into the groups of their parents' key; in a method of its own, as {@code select}
     * had grown past the size at which the compiler stops inlining the small calls of this loop.
     */
    private void readMembers(Result rows, RelationshipMapping relationship, EntityColumns columns, int extra,
            boolean populateExisting, Map<Object, Group> byKey, List<InstanceState> backTo) {
        EntityMapper target = relationship.target();
        RelationshipMapping back = backTo != null && relationship.isCollection() && relationship.back() != null
                && !relationship.back().isCollection() ? relationship.back() : null;
        AttributeMapping[] parentSide = relationship.ownerColumns();
        RelationshipMapping[] targetRelationships = session.relationshipsOf(target);
        // one buffer for every row's values (no Row per member) when the result is a JDBC cursor's
        dev.athanor.impl.result.CursorResult cursor = rows instanceof dev.athanor.impl.result.CursorResult c ? c : null;
        Object[] buffer = cursor != null ? new Object[cursor.keys().size()] : null;
        java.util.Iterator<Row> iterator = cursor != null ? null : rows.iterator();
        while (cursor != null ? cursor.readInto(buffer) : iterator.hasNext()) {
            Object[] row = cursor != null ? buffer : dev.athanor.impl.result.CursorResult.valuesOf(iterator.next());
            InstanceState member = session.hydrateState(target, row, 0, columns, populateExisting,
                    targetRelationships);
            Object key;
            if (extra == 1) {
                key = parentSide[0].fromDatabase(row[columns.loaded().length]);
            } else if (extra > 1) {
                Object[] parts = new Object[extra];
                for (int i = 0; i < extra; i++) {
                    parts[i] = parentSide[i].fromDatabase(row[columns.loaded().length + i]);
                }
                key = List.of(parts);
            } else {
                key = keyOf(relationship.targetColumns(), member.entity());
            }
            Group group = key == null ? null : byKey.get(key);
            if (group != null) {
                group.add(member);
                if (back != null) {
                    setBackReference(back, member, backTo.get(group.position).entity());
                }
            }
        }
    }

    /**
     * One object's members of a relationship as the database holds them, or null when it holds none; with
     * {@code setBack} and {@code keepStates} as for {@link #select}.
     */
    Loaded selectFor(InstanceState state, RelationshipMapping relationship, boolean setBack, boolean keepStates) {
        return select(List.of(state), relationship, Integer.MAX_VALUE, false, setBack, keepStates)[0];
    }

    /**
     * What a selectin load read for one parent: the members (the list becomes the collection and its snapshot, so
     * it is the parent's own) and, if asked for, their states in the same order (shared by the parents of one key;
     * null when not kept).
     */
    record Loaded(List<Object> members, List<InstanceState> states) {
    }

    /**
     * The parents of one key value (nearly always one), by position in the parents' list, and the members loaded for
     * them (their states, and the objects in the same order), in row order; whether that order is already the
     * members' key order is seen as they come, so that a result read in key order (rows written in key order usually
     * come back so) is not checked again, nor sorted.
     */
    private static final class Group {
        final int position;
        List<Integer> more;
        /** The members' states, when kept (null otherwise). */
        final ArrayList<InstanceState> members;
        final ArrayList<Object> entities = new ArrayList<>();
        private Object lastKey;
        /** Whether the members may be out of key order: one pair seen out of order, or keys not compared here. */
        boolean unordered;

        Group(int position, boolean keepStates) {
            this.position = position;
            this.members = keepStates ? new ArrayList<>() : null;
        }

        void add(int other) {
            if (more == null) {
                more = new ArrayList<>(1);
            }
            more.add(other);
        }

        void add(InstanceState member) {
            Object key = member.key();
            if (!unordered && !entities.isEmpty() && !inOrder(lastKey, key)) {
                unordered = true;
            }
            lastKey = key;
            if (members != null) {
                members.add(member);
            }
            entities.add(member.entity());
        }

        /**
         * Whether {@code before} sorts at or before {@code after} as {@link #sortByKey} would sort them: single keys
         * of one comparable class; false for others (composite keys), which are then sorted.
         */
        private static boolean inOrder(Object before, Object after) {
            return before instanceof Comparable && before.getClass() == after.getClass()
                    && compareParts(before, after) <= 0;
        }
    }

    /**
     * Puts a loaded collection in the related objects' key order, in memory: an ORDER BY in the query would make
     * some databases (H2) walk the primary key index instead of using the foreign key's.
     */
    static void sortByKey(EntityMapper mapper, List<Object> members) {
        sortByKey(mapper, members, member -> member, null);
    }

    /** As above, for the members' states: a one-column key is the one each state holds (no field read per member). */
    static void sortStatesByKey(EntityMapper mapper, List<InstanceState> members) {
        sortByKey(mapper, members, InstanceState::entity, InstanceState::key);
    }

    /**
     * As above, for a list of things that hold the related objects, by {@code entityOf} of each; {@code heldKey}, if
     * not null, gives a one-column key without reading the object.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <T> void sortByKey(EntityMapper mapper, List<T> members,
            java.util.function.Function<T, Object> entityOf, java.util.function.Function<T, Object> heldKey) {
        int size = members.size();
        if (size < 2) {
            return;
        }
        AttributeMapping[] key = mapper.primaryKey();
        if (key.length == 1) {
            java.util.function.Function<T, Object> keyOf = heldKey != null ? heldKey
                    : member -> key[0].get(entityOf.apply(member));
            Object[] keys = new Object[size];
            boolean sorted = true;
            for (int i = 0; i < size; i++) {
                keys[i] = keyOf.apply(members.get(i));
                if (!(keys[i] instanceof Comparable)) {
                    return;
                }
                if (i > 0 && sorted && keys[i].getClass() == keys[i - 1].getClass()
                        && ((Comparable) keys[i - 1]).compareTo(keys[i]) > 0) {
                    sorted = false;
                }
            }
            if (!sorted) {
                members.sort((a, b) -> compareParts(keyOf.apply(a), keyOf.apply(b)));
            }
            return;
        }
        members.sort((a, b) -> {
            for (AttributeMapping part : key) {
                int order = compareParts(part.get(entityOf.apply(a)), part.get(entityOf.apply(b)));
                if (order != 0) {
                    return order;
                }
            }
            return 0;
        });
    }

    /** One key part against another: nulls first; values of different classes are taken as equal. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareParts(Object x, Object y) {
        if (x instanceof Comparable cx && y != null && x.getClass() == y.getClass()) {
            return cx.compareTo(y);
        }
        if (x == null || y == null) {
            return x == null ? (y == null ? 0 : -1) : 1;
        }
        return 0;
    }

    /** The value of a one-column key, or the List of a composite one; null if a part is null. */
    private static Object keyOf(AttributeMapping[] columns, Object entity) {
        if (columns.length == 1) {
            return columns[0].get(entity);
        }
        return values(columns, entity);
    }

    /** The values of {@code columns} of an object (null if one is null), for grouping rows by key. */
    private static List<Object> values(AttributeMapping[] columns, Object entity) {
        Object[] parts = new Object[columns.length];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = columns[i].get(entity);
            if (parts[i] == null) {
                return null;
            }
        }
        return List.of(parts);
    }

    /** The columns of {@code columns} with these names, in the order of {@code names}. */
    private static List<Column<?>> columnsNamed(List<Column<?>> columns, List<String> names) {
        List<Column<?>> named = new ArrayList<>();
        for (String name : names) {
            for (Column<?> column : columns) {
                if (column.name().equalsIgnoreCase(name)) {
                    named.add(column);
                }
            }
        }
        return named;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Expression<Boolean> in(List<Column<?>> columns, List<Object> keys,
            dev.athanor.impl.dialect.Dialect dialect) {
        if (columns.size() == 1) {
            Column column = columns.get(0);
            String elementType = dialect.arrayElementType(column.type().kind());
            if (elementType != null && keys.size() > 1) {   // col = ANY(?): one parameter, one statement text
                return column.eq(dev.athanor.Func.of("ANY", column.type(),
                        new dev.athanor.impl.sql.SqlArray(elementType, keys.toArray())));
            }
            return column.in(new ArrayList<>(keys));
        }
        Expression<Boolean>[] any = new Expression[keys.size()];
        for (int k = 0; k < any.length; k++) {
            Expression<Boolean>[] all = new Expression[columns.size()];
            for (int i = 0; i < all.length; i++) {
                all[i] = ((Column) columns.get(i)).eq(((List<?>) keys.get(k)).get(i));
            }
            any[k] = Sql.and(all);
        }
        return any.length == 1 ? any[0] : Sql.or(any);
    }

    /** {@code left[i] = right[i]} where right are attributes' columns of {@code from} (a table or an alias). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Expression<Boolean>[] equalities(List<Column<?>> left, AttributeMapping[] right, FromClause from) {
        Expression<Boolean>[] conditions = new Expression[left.size()];
        for (int i = 0; i < conditions.length; i++) {
            conditions[i] = ((Column) left.get(i)).eq((Expression) column(right[i], from));
        }
        return conditions;
    }

    static Column<?> column(AttributeMapping attribute, FromClause from) {
        return from instanceof TableAlias alias ? alias.columns().get(attribute.index()) : attribute.column();
    }

    // ------------------------------------------------------------------ joined loading

    /**
     * Adds the joins and columns of the plan's joined and contains-eager branches to {@code select}, recording in
     * each branch where its columns start; returns the widened select.
     */
    Select<?> withJoins(Select<?> select, LoadPlan plan) {
        List<Expression<?>> columns = new ArrayList<>(plan.columns.expressions(plan.mapper.table()));
        Select<?>[] widened = {select};
        int[] counter = {0};
        addJoins(plan, plan.mapper.table(), widened, columns, counter);
        if (plan.joinsCollection() && (select.limitValue() != null || select.offsetValue() != null)) {
            throw new InvalidRequestError("joinedLoad of a collection cannot be combined with limit() or offset(): "
                    + "the limit would count joined rows, not " + plan.mapper.entityName() + " objects; use "
                    + "selectinLoad for the collection");
        }
        return widened[0].withOnlyColumns(columns.toArray(Expression[]::new));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void addJoins(LoadPlan plan, FromClause parentFrom, Select<?>[] select, List<Expression<?>> columns,
            int[] counter) {
        for (LoadPlan.Branch branch : plan.branches.values()) {
            if (!branch.inRow()) {
                continue;
            }
            RelationshipMapping relationship = branch.relationship;
            EntityMapper target = relationship.target();
            LoadingSubclasses.install(target);
            FromClause targetFrom;
            if (branch.strategy == Strategy.CONTAINS_EAGER) {
                targetFrom = target.table();
            } else {
                TableAlias alias = target.table().alias("athanor_j" + (++counter[0]));
                targetFrom = alias;
                if (relationship.kind() == Kind.MANY_TO_MANY) {
                    TableAlias secondary = relationship.secondary().alias("athanor_j" + (++counter[0]));
                    List<Column<?>> ownerRefs = columnsNamed(secondary.columns(), relationship.secondaryOwnerColumns());
                    List<Column<?>> targetRefs = columnsNamed(secondary.columns(), relationship.secondaryTargetColumns());
                    select[0] = select[0].outerJoin(secondary,
                            Sql.and(equalities(ownerRefs, relationship.ownerColumns(), parentFrom)));
                    select[0] = select[0].outerJoin(alias,
                            Sql.and(equalities(targetRefs, relationship.targetColumns(), alias)));
                } else {
                    Expression<Boolean>[] on = new Expression[relationship.ownerColumns().length];
                    for (int i = 0; i < on.length; i++) {
                        on[i] = ((Column) column(relationship.ownerColumns()[i], parentFrom))
                                .eq((Expression) column(relationship.targetColumns()[i], alias));
                    }
                    select[0] = select[0].outerJoin(alias, Sql.and(on));
                }
            }
            branch.offset = columns.size();
            columns.addAll(branch.child.columns.expressions(targetFrom));
            addJoins(branch.child, targetFrom, select, columns, counter);
        }
    }

    /** Collects, row by row, what joined branches hold, then sets the relationships. */
    final class RowCollector {
        private final boolean populateExisting;
        private final List<LoadPlan.Branch> branches = new ArrayList<>();

        RowCollector(boolean populateExisting) {
            this.populateExisting = populateExisting;
        }

        void row(InstanceState parent, Row row, LoadPlan plan) {
            for (LoadPlan.Branch branch : plan.branches.values()) {
                if (!branch.inRow()) {
                    continue;
                }
                if (branch.found == null) {
                    branch.found = new IdentityHashMap<>();
                    branch.seen = new IdentityHashMap<>();
                    branches.add(branch);
                }
                List<Object> members = branch.found.get(parent);
                if (members == null) {
                    members = new ArrayList<>();
                    branch.found.put(parent, members);
                }
                InstanceState child = session.hydrateState(branch.relationship.target(), row, branch.offset,
                        branch.child.columns, populateExisting, branch.child.relationships);
                if (child == null) {
                    continue;
                }
                Object entity = child.entity();
                boolean first;
                if (!branch.relationship.isCollection()) {
                    first = members.isEmpty();
                } else if (branch.relationship.kind() == Kind.MANY_TO_MANY) {
                    @SuppressWarnings("unchecked")
                    IdentityHashMap<Object, Object> perParent = (IdentityHashMap<Object, Object>) branch.seen
                            .computeIfAbsent(parent, p -> new IdentityHashMap<>());
                    first = perParent.put(entity, Boolean.TRUE) == null;
                } else {
                    first = child.loadMark() != branch;                      // one-to-many: a child has one parent
                    child.loadMark(branch);
                }
                if (first) {
                    members.add(entity);
                }
                if (!branch.child.branches.isEmpty()) {
                    row(child, row, branch.child);
                }
            }
        }

        void finish() {
            for (LoadPlan.Branch branch : branches) {
                RelationshipMapping relationship = branch.relationship;
                branch.found.forEach((parent, members) -> {
                    if (relationship.isCollection()) {
                        sortByKey(relationship.target(), members);
                    }
                    if (populateExisting || !isLoaded(parent, relationship)) {
                        setLoaded(parent, relationship, members);
                    }
                });
                branch.found = null;
                branch.seen = null;
            }
        }
    }
}
