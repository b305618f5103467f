package dev.athanor.impl.orm.flush;

import dev.athanor.Result;
import dev.athanor.Row;
import dev.athanor.Sql;
import dev.athanor.impl.dialect.Dialect;
import dev.athanor.impl.engine.ConnectionImpl;
import dev.athanor.impl.engine.StatementExecutor.BatchOutcome;
import dev.athanor.impl.orm.mapping.AttributeMapping;
import dev.athanor.impl.orm.mapping.EntityMapper;
import dev.athanor.impl.orm.session.InstanceState;
import dev.athanor.orm.FlushError;
import dev.athanor.orm.StaleDataError;
import dev.athanor.schema.Column;
import dev.athanor.sql.Expression;
import dev.athanor.sql.Keyword;

import java.sql.Statement;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One flush: plans the statements for the states given and sends them. Field values the flush writes into objects
 * (generated keys, defaults, versions) are recorded so that a failed flush can put them back: the objects then look
 * as they did before it.
 */
public final class UnitOfWork {
    private static final int FETCH_CHUNK = 500;

    private final ConnectionImpl connection;
    private final Dialect dialect;
    private final List<Runnable> undo = new ArrayList<>();
    /** Columns to read back after the statements, per state; made when a flush has any. */
    private Map<InstanceState, Set<AttributeMapping>> refetch;

    private Map<InstanceState, Set<AttributeMapping>> refetch() {
        if (refetch == null) {
            refetch = new LinkedHashMap<>();
        }
        return refetch;
    }

    public UnitOfWork(ConnectionImpl connection) {
        this.connection = connection;
        this.dialect = connection.dialect();
    }

    /** What a flush did, for the session to bring its bookkeeping up to date. */
    public record Outcome(List<InstanceState> inserted, List<InstanceState> updated, List<InstanceState> deleted) {
    }

    /**
     * Flushes {@code states} with mappers in {@code order} (foreign key order); on failure the fields written are
     * restored and the error is rethrown.
     */
    public Outcome flush(List<InstanceState> states, List<EntityMapper> order) {
        return flush(states, order, FlushPlan.EMPTY);
    }

    /**
     * Flushes {@code states} with mappers in {@code order} (foreign key order) and the relationship work of
     * {@code plan}: every INSERT (parents before children, row by row where a table refers to itself; a reference
     * to a row not inserted yet is written by a second UPDATE), the UPDATEs, the association rows, then the DELETEs
     * (children first). On failure the fields written are restored and the error is rethrown.
     */
    public Outcome flush(List<InstanceState> states, List<EntityMapper> order, FlushPlan plan) {
        ByMapper inserts = new ByMapper();
        ByMapper updates = new ByMapper();
        ByMapper deletes = new ByMapper();
        // Rows waiting for a parent's key only exist when relationships link rows: without links no set is needed.
        boolean linked = !plan.isEmpty();
        Set<InstanceState> pending = linked ? java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>())
                : null;
        Set<InstanceState> done = linked ? java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>())
                : null;
        for (int i = 0; i < states.size(); i++) {
            InstanceState state = states.get(i);
            ByMapper target = switch (state.status()) {
                case PENDING -> inserts;
                case DELETED -> deletes;
                case PERSISTENT -> state.isModified() || plan.hasLinks(state) ? updates : null;
            };
            if (target != null) {
                target.add(state, states.size() - i);
            }
            if (linked && state.status() == InstanceState.Status.PENDING) {
                pending.add(state);
            }
        }
        List<InstanceState> inserted = List.of();
        List<InstanceState> updated = List.of();
        List<InstanceState> deleted = new ArrayList<>(0);
        List<InstanceState> postUpdates = new ArrayList<>(0);
        try {
            if (!inserts.isEmpty()) {
                for (EntityMapper mapper : inserts.inOrder(order)) {
                    List<InstanceState> rows = inserts.get(mapper);
                    insertInDependencyOrder(mapper, rows, plan, pending, done, postUpdates);
                    inserted = concat(inserted, rows);
                }
                if (!postUpdates.isEmpty()) {
                    postUpdate(postUpdates, plan, pending, done);
                }
            }
            for (EntityMapper mapper : updates.inOrder(order)) {
                List<InstanceState> rows = updates.get(mapper);
                if (linked) {
                    for (InstanceState state : rows) {
                        applyLinks(state, plan, pending, done);
                    }
                }
                update(mapper, rows);
                updated = concat(updated, rows);
            }
            if (linked) {
                new AssociationWriter(connection, dialect).write(plan);
            }
            deleteInDependencyOrder(order, deletes, plan, deleted);
            refetchGenerated();
            installSnapshots(postUpdates);
        } catch (RuntimeException | Error e) {
            for (int i = undo.size() - 1; i >= 0; i--) {
                undo.get(i).run();
            }
            throw e;
        }
        return new Outcome(inserted, updated, deleted);
    }

    /** {@code rows} appended to {@code list}; the first group is taken as it is (the usual flush has one). */
    private static List<InstanceState> concat(List<InstanceState> list, List<InstanceState> rows) {
        if (list.isEmpty()) {
            return rows;
        }
        List<InstanceState> all = new ArrayList<>(list.size() + rows.size());
        all.addAll(list);
        all.addAll(rows);
        return all;
    }

    /**
     * States grouped by mapper, in the order the mappers were met. Most flushes touch one entity class (one object,
     * or a batch of one class): that group needs no map, and a map is made only when a second mapper comes.
     */
    private static final class ByMapper {
        private EntityMapper firstMapper;
        private List<InstanceState> first;
        private Map<EntityMapper, List<InstanceState>> others;

        /** Adds a state; {@code remaining} (it and the states after it) sizes the first group's list. */
        void add(InstanceState state, int remaining) {
            EntityMapper mapper = state.mapper();
            if (first == null) {
                firstMapper = mapper;
                first = new ArrayList<>(remaining);
                first.add(state);
            } else if (mapper == firstMapper) {
                first.add(state);
            } else {
                if (others == null) {
                    others = new HashMap<>();
                }
                others.computeIfAbsent(mapper, m -> new ArrayList<>()).add(state);
            }
        }

        boolean isEmpty() {
            return first == null;
        }

        List<InstanceState> get(EntityMapper mapper) {
            if (mapper == firstMapper) {
                return first;
            }
            return others == null ? null : others.get(mapper);
        }

        /** The mappers with states, in flush {@code order} (that list itself is walked only for several mappers). */
        List<EntityMapper> inOrder(List<EntityMapper> order) {
            if (first == null) {
                return List.of();
            }
            if (others == null) {
                return List.of(firstMapper);
            }
            List<EntityMapper> present = new ArrayList<>(others.size() + 1);
            for (EntityMapper mapper : order) {
                if (mapper == firstMapper || others.containsKey(mapper)) {
                    present.add(mapper);
                }
            }
            return present;
        }
    }

    // ------------------------------------------------------------------ relationship links

    /** Whether a row must wait: one of its links points at a row of this flush not inserted yet. */
    private static boolean waits(InstanceState state, FlushPlan plan, Set<InstanceState> pending,
            Set<InstanceState> done) {
        for (FlushPlan.Link link : plan.links(state)) {
            if (link.parent() != null && link.parent() != state && pending.contains(link.parent())
                    && !done.contains(link.parent())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Copies the parents' keys into the row's foreign key columns; a parent not inserted yet leaves the columns NULL
     * and the row is returned true, for a second UPDATE after the INSERTs.
     */
    private boolean applyLinks(InstanceState state, FlushPlan plan, Set<InstanceState> pending,
            Set<InstanceState> done) {
        boolean deferred = false;
        for (FlushPlan.Link link : plan.links(state)) {
            AttributeMapping[] columns = link.childColumns();
            InstanceState parent = link.parent();
            boolean later = parent != null && pending.contains(parent) && !done.contains(parent);
            for (int i = 0; i < columns.length; i++) {
                Object value = parent == null || later ? null : link.parentColumns()[i].get(parent.entity());
                if (later && !columns[i].column().isNullable()) {
                    throw new FlushError("cannot insert " + state.describe() + ": it refers to "
                            + parent.describe() + ", which cannot be inserted before it (the rows refer to each other)"
                            + ", and " + columns[i].describe() + " is NOT NULL; make it nullable so that the flush can"
                            + " set it with a second UPDATE, or flush the rows in two steps");
                }
                if (!java.util.Objects.equals(columns[i].get(state.entity()), value)) {
                    write(state, columns[i], value);
                }
            }
            deferred |= later;
        }
        return deferred;
    }

    private void insertInDependencyOrder(EntityMapper mapper, List<InstanceState> rows, FlushPlan plan,
            Set<InstanceState> pending, Set<InstanceState> done, List<InstanceState> postUpdates) {
        if (plan.isEmpty()) { // nothing links rows: one pass in the session's order
            insert(mapper, rows);
            return;
        }
        List<InstanceState> remaining = rows;
        while (!remaining.isEmpty()) {
            List<InstanceState> ready = new ArrayList<>();
            List<InstanceState> waiting = new ArrayList<>();
            for (InstanceState state : remaining) {
                (waits(state, plan, pending, done) ? waiting : ready).add(state);
            }
            if (ready.isEmpty()) { // a cycle, or a parent of a table later in the order: second UPDATE
                ready = waiting;
                waiting = new ArrayList<>();
            }
            for (InstanceState state : ready) {
                if (applyLinks(state, plan, pending, done)) {
                    postUpdates.add(state);
                }
            }
            insert(mapper, ready);
            done.addAll(ready);
            remaining = waiting;
        }
    }

    /** The second UPDATE of rows inserted before a row they refer to: one batch per entity and column set. */
    private void postUpdate(List<InstanceState> rows, FlushPlan plan, Set<InstanceState> pending,
            Set<InstanceState> done) {
        Map<EntityMapper, Map<BitSet, List<InstanceState>>> shapes = new LinkedHashMap<>();
        for (InstanceState state : rows) {
            applyLinks(state, plan, pending, done);
            BitSet columns = new BitSet();
            for (FlushPlan.Link link : plan.links(state)) {
                for (AttributeMapping column : link.childColumns()) {
                    columns.set(column.index());
                }
            }
            shapes.computeIfAbsent(state.mapper(), m -> new LinkedHashMap<>())
                    .computeIfAbsent(columns, c -> new ArrayList<>()).add(state);
        }
        shapes.forEach((mapper, byColumns) -> byColumns.forEach((columns, states) -> {
            List<Object[]> values = new ArrayList<>();
            for (InstanceState state : states) {
                Object[] row = values(state, columns, mapper.primaryKey().length);
                int n = columns.cardinality();
                for (AttributeMapping pk : mapper.primaryKey()) {
                    row[n++] = pk.toDatabase(pk.get(state.entity()));
                }
                values.add(row);
            }
            check("UPDATE", connection.executeOrmBatch(DmlSql.setColumns(mapper, dialect, columns), values, null)
                    .counts(), states);
        }));
    }

    /**
     * Deletes children first: entities in reverse foreign key order, and within a table that refers to itself the
     * rows that others refer to last. References that would still be violated (cycles) are set to NULL first.
     */
    private void deleteInDependencyOrder(List<EntityMapper> order, ByMapper deletes, FlushPlan plan,
            List<InstanceState> deleted) {
        if (deletes.isEmpty()) {
            return;
        }
        Map<EntityMapper, Integer> position = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            position.put(order.get(i), order.size() - 1 - i);
        }
        Map<InstanceState, List<FlushPlan.DeleteEdge>> sameTable = new java.util.IdentityHashMap<>();
        List<FlushPlan.DeleteEdge> nullFirst = new ArrayList<>();
        for (FlushPlan.DeleteEdge edge : plan.deleteEdges()) {
            if (edge.first() == edge.then()) {
                nullFirst.add(edge);
            } else if (edge.first().mapper() == edge.then().mapper()) {
                sameTable.computeIfAbsent(edge.first(), s -> new ArrayList<>()).add(edge);
            } else if (position.get(edge.then().mapper()) < position.get(edge.first().mapper())) {
                nullFirst.add(edge);
            }
        }
        setNull(nullFirst);
        for (int i = order.size() - 1; i >= 0; i--) {
            EntityMapper mapper = order.get(i);
            List<InstanceState> remaining = deletes.get(mapper);
            while (remaining != null && !remaining.isEmpty()) {
                Set<InstanceState> referenced = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
                Set<InstanceState> left = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
                left.addAll(remaining);
                for (InstanceState state : remaining) {
                    for (FlushPlan.DeleteEdge edge : sameTable.getOrDefault(state, List.of())) {
                        if (left.contains(edge.then())) {
                            referenced.add(edge.then());
                        }
                    }
                }
                List<InstanceState> ready = new ArrayList<>();
                List<InstanceState> waiting = new ArrayList<>();
                for (InstanceState state : remaining) {
                    (referenced.contains(state) ? waiting : ready).add(state);
                }
                if (ready.isEmpty()) { // rows of one table referring to each other in a ring
                    List<FlushPlan.DeleteEdge> ring = new ArrayList<>();
                    waiting.forEach(state -> ring.addAll(sameTable.getOrDefault(state, List.of())));
                    setNull(ring);
                    ready = waiting;
                    waiting = new ArrayList<>();
                }
                delete(mapper, ready);
                deleted.addAll(ready);
                remaining = waiting;
            }
        }
    }

    /** {@code UPDATE t SET fk = NULL WHERE pk = ?} for the referring rows of the edges. */
    private void setNull(List<FlushPlan.DeleteEdge> edges) {
        for (FlushPlan.DeleteEdge edge : edges) {
            InstanceState state = edge.first();
            EntityMapper mapper = state.mapper();
            BitSet columns = new BitSet();
            for (AttributeMapping column : edge.columns()) {
                columns.set(column.index());
            }
            Object[] row = new Object[columns.cardinality() + mapper.primaryKey().length];
            keyValues(state, row, columns.cardinality());
            List<Object[]> values = new ArrayList<>();
            values.add(row);
            connection.executeOrmBatch(DmlSql.setColumns(mapper, dialect, columns), values, null);
        }
    }

    private void write(InstanceState state, AttributeMapping attribute, Object value) {
        Object entity = state.entity();
        Object before = attribute.get(entity);
        attribute.set(entity, value);
        undo.add(() -> attribute.set(entity, before));
    }

    // ------------------------------------------------------------------ INSERT

    /**
     * The rows of one INSERT shape: the columns written (as a set and as attribute positions in bind order) and, per
     * row, its state and the values read for it, one array per row as wide as the entity. That array is bound
     * through {@code positions} (no second array of bound values) and becomes the row's snapshot once the flush
     * succeeded (the fields are not read again).
     */
    private static final class Shape {
        final BitSet columns;
        final int[] positions;
        final List<InstanceState> states;
        final List<Object[]> rows;

        Shape(BitSet columns, int expectedRows) {
            this.columns = columns;
            this.positions = new int[columns.cardinality()];
            int n = 0;
            for (int i = columns.nextSetBit(0); i >= 0; i = columns.nextSetBit(i + 1)) {
                positions[n++] = i;
            }
            this.states = new ArrayList<>(expectedRows);
            this.rows = new ArrayList<>(expectedRows);
        }
    }

    /** The shapes inserted by this flush, whose rows become their states' snapshots when it succeeds. */
    private List<Shape> insertedShapes;

    /**
     * INSERTs the rows, one batch per shape (the columns written: a column left NULL for the database to fill is not
     * written). Each field is read once, into the row's array, which is both what is bound and the snapshot taken
     * after the flush: the two are the same values (a JSON column's text, a copy of a byte array), so reading the
     * fields again after the statement, when they are out of the CPU's caches, is saved. Rows of the shape met last
     * need neither a search nor a new column set (a batch usually has one shape).
     */
    private void insert(EntityMapper mapper, List<InstanceState> rows) {
        AttributeMapping[] attributes = mapper.attributes();
        BitSet columns = new BitSet(attributes.length);
        List<Shape> shapes = new ArrayList<>(1);
        Shape last = null;
        for (InstanceState state : rows) {
            Object entity = state.entity();
            Object[] row = new Object[attributes.length];
            columns.clear();
            for (int i = 0; i < attributes.length; i++) {
                AttributeMapping attribute = attributes[i];
                Object value = attribute.get(entity);
                if (attribute.isInsertedAsIs()) {   // most columns: no check per row
                    row[i] = attribute.snapshot(value);
                    columns.set(i);
                    continue;
                }
                if (attribute.isVersion() && (value == null || ((Number) value).longValue() == 0)) {
                    value = attribute.fromDatabase(1);
                    write(state, attribute, value);
                } else if (value == null && attribute.hasInsertDefault()) {
                    value = attribute.insertDefault();
                    write(state, attribute, value);
                }
                if (value == null && (attribute.isDatabaseGenerated() || attribute.hasServerDefault())) {
                    if (attribute.hasServerDefault()) {
                        refetch().computeIfAbsent(state, s -> new LinkedHashSet<>()).add(attribute);
                    }
                    continue;
                }
                if (value == null && attribute.isPrimaryKey()) {
                    throw new FlushError("cannot insert " + mapper.entityName() + ": primary key " + attribute.name()
                            + " is null and not generated; assign it before the flush");
                }
                row[i] = attribute.snapshot(value);   // = toDatabase(value), the value to bind, for every type
                columns.set(i);
            }
            Shape shape = last != null && last.columns.equals(columns) ? last
                    : find(shapes, columns, last == null ? rows.size() : 0);
            shape.states.add(state);
            shape.rows.add(row);
            last = shape;
        }
        AttributeMapping identity = mapper.identityColumn();
        for (Shape shape : shapes) {
            List<InstanceState> states = shape.states;
            boolean generatesKey = identity != null && !shape.columns.get(identity.index());
            List<Object> keys;
            if (generatesKey && dialect.insertManyValuesRows() > 0 && states.size() > 1 && !shape.columns.isEmpty()) {
                keys = insertManyValues(mapper, shape);
            } else {
                BatchOutcome outcome = connection.executeOrmBatch(DmlSql.insert(mapper, dialect, shape.columns),
                        shape.rows, shape.positions, generatesKey ? identity.columnName() : null);
                keys = outcome.generatedKeys();
            }
            if (generatesKey) {
                if (keys.size() != states.size()) {
                    throw new FlushError("INSERT of " + states.size() + " " + mapper.entityName() + " rows returned "
                            + keys.size() + " generated keys");
                }
                // The key was null in every row of the shape (else it would be written): one undo for the batch.
                undo.add(() -> {
                    for (InstanceState state : states) {
                        identity.set(state.entity(), null);
                    }
                });
                int index = identity.index();
                for (int i = 0; i < states.size(); i++) {
                    Object key = identity.fromDatabase(keys.get(i));
                    identity.set(states.get(i).entity(), key);
                    shape.rows.get(i)[index] = identity.snapshot(key);
                }
            }
            if (insertedShapes == null) {
                insertedShapes = new ArrayList<>(1);
            }
            insertedShapes.add(shape);
        }
    }

    /**
     * Once every statement of the flush succeeded: the inserted rows' arrays become their snapshots. A row whose
     * fields the flush wrote after its INSERT (a second UPDATE of a reference, values read back from the database)
     * takes its snapshot from the fields instead.
     */
    private void installSnapshots(List<InstanceState> postUpdates) {
        if (insertedShapes == null) {
            return;
        }
        for (Shape shape : insertedShapes) {
            List<InstanceState> states = shape.states;
            for (int i = 0; i < states.size(); i++) {
                states.get(i).flushedSnapshot(shape.rows.get(i));
            }
        }
        for (InstanceState state : postUpdates) {
            state.takeSnapshot();
        }
        if (refetch != null) {
            for (InstanceState state : refetch.keySet()) {
                if (state.status() == InstanceState.Status.PENDING) {
                    state.takeSnapshot();
                }
            }
        }
    }

    /**
     * The shape of {@code columns} among {@code shapes}, added (with a copy of the set, room for
     * {@code expectedRows}) when it is new.
     */
    private static Shape find(List<Shape> shapes, BitSet columns, int expectedRows) {
        for (Shape shape : shapes) {
            if (shape.columns.equals(columns)) {
                return shape;
            }
        }
        Shape shape = new Shape((BitSet) columns.clone(), expectedRows);
        shapes.add(shape);
        return shape;
    }

    /** Rows as multi-row INSERT ... RETURNING statements of up to the dialect's row count (and 30,000 parameters). */
    private List<Object> insertManyValues(EntityMapper mapper, Shape shape) {
        int[] positions = shape.positions;
        List<Object[]> values = shape.rows;
        int width = positions.length;
        int perStatement = Math.max(1, Math.min(dialect.insertManyValuesRows(), 30_000 / width));
        List<Object> keys = new ArrayList<>(values.size());
        for (int from = 0; from < values.size(); from += perStatement) {
            int rows = Math.min(perStatement, values.size() - from);
            Object[] flat = new Object[rows * width];
            int n = 0;
            for (int r = 0; r < rows; r++) {
                Object[] row = values.get(from + r);
                for (int position : positions) {
                    flat[n++] = row[position];
                }
            }
            keys.addAll(connection.executeInsertReturning(DmlSql.insertManyValues(mapper, dialect, shape.columns,
                    rows), flat, rows));
        }
        return keys;
    }

    /** The bound values of the columns in {@code columns}, followed by {@code extra} free slots. */
    private static Object[] values(InstanceState state, BitSet columns, int extra) {
        Object[] values = new Object[columns.cardinality() + extra];
        AttributeMapping[] attributes = state.mapper().attributes();
        int n = 0;
        for (int i = columns.nextSetBit(0); i >= 0; i = columns.nextSetBit(i + 1)) {
            values[n++] = attributes[i].toDatabase(attributes[i].get(state.entity()));
        }
        return values;
    }

    // ------------------------------------------------------------------ UPDATE

    private void update(EntityMapper mapper, List<InstanceState> rows) {
        Map<BitSet, List<InstanceState>> shapes = new LinkedHashMap<>();
        List<InstanceState> withExpressions = new ArrayList<>();
        for (InstanceState state : rows) {
            BitSet changed = new BitSet();
            for (AttributeMapping attribute : mapper.attributes()) {
                if (attribute.isVersion() || state.assigned().containsKey(attribute) || !state.isChanged(attribute)) {
                    continue;
                }
                if (attribute.isPrimaryKey()) {
                    throw new FlushError("cannot flush " + state.describe() + ": its primary key " + attribute.name()
                            + " was changed from " + state.snapshot()[attribute.index()] + "; a row's key cannot be"
                            + " updated through the session (use update(" + mapper.entityName() + ".class))");
                }
                changed.set(attribute.index());
            }
            if (!state.assigned().isEmpty()) {
                withExpressions.add(state);
            } else if (!changed.isEmpty()) {
                shapes.computeIfAbsent(changed, c -> new ArrayList<>()).add(state);
            }
        }
        AttributeMapping version = mapper.version();
        int keyCount = mapper.primaryKey().length;
        for (Map.Entry<BitSet, List<InstanceState>> shape : shapes.entrySet()) {
            BitSet changed = shape.getKey();
            List<InstanceState> states = shape.getValue();
            String sql = DmlSql.update(mapper, dialect, changed);
            List<Object[]> values = new ArrayList<>(states.size());
            int width = changed.cardinality();
            for (InstanceState state : states) {
                Object[] row = values(state, changed, (version == null ? 0 : 2) + keyCount);
                int n = width;
                if (version != null) {
                    row[n++] = nextVersion(state);
                }
                n = keyValues(state, row, n);
                if (version != null) {
                    row[n] = state.snapshot()[version.index()];
                }
                values.add(row);
            }
            sendChecked("UPDATE", mapper, sql, values, states);
            for (InstanceState state : states) {
                noteOnUpdate(state, changed);
            }
        }
        for (InstanceState state : withExpressions) {
            updateWithExpressions(state);
        }
    }

    private Object nextVersion(InstanceState state) {
        AttributeMapping version = state.mapper().version();
        Object current = state.snapshot()[version.index()];
        long next = current == null ? 1 : ((Number) current).longValue() + 1;
        Object value = version.fromDatabase(next);
        write(state, version, value);
        return value;
    }

    private static int keyValues(InstanceState state, Object[] row, int start) {
        int n = start;
        for (AttributeMapping pk : state.mapper().primaryKey()) {
            row[n++] = pk.toDatabase(state.snapshot()[pk.index()] != null ? state.snapshot()[pk.index()]
                    : pk.get(state.entity()));
        }
        return n;
    }

    private void noteOnUpdate(InstanceState state, BitSet changed) {
        for (AttributeMapping attribute : DmlSql.onUpdateColumns(state.mapper(), changed)) {
            refetch().computeIfAbsent(state, s -> new LinkedHashSet<>()).add(attribute);
        }
    }

    /**
     * A row with SQL expressions assigned ({@code visit_count = visit_count + 1}) goes through the Core compiler,
     * one statement per row; the values are read back afterwards.
     */
    private void updateWithExpressions(InstanceState state) {
        EntityMapper mapper = state.mapper();
        Map<String, Object> set = new LinkedHashMap<>();
        BitSet changed = new BitSet();
        for (AttributeMapping attribute : mapper.attributes()) {
            Expression<?> assigned = state.assigned().get(attribute);
            if (assigned != null) {
                set.put(attribute.columnName(), assigned);
                changed.set(attribute.index());
                refetch().computeIfAbsent(state, s -> new LinkedHashSet<>()).add(attribute);
            } else if (!attribute.isVersion() && !attribute.isPrimaryKey() && state.isChanged(attribute)) {
                set.put(attribute.columnName(), bindOf(attribute, attribute.toDatabase(attribute.get(state.entity()))));
                changed.set(attribute.index());
            }
        }
        for (AttributeMapping attribute : DmlSql.onUpdateColumns(mapper, changed)) {
            set.put(attribute.columnName(), new Keyword<>(attribute.onUpdateSql(), attribute.column().type()));
        }
        noteOnUpdate(state, changed);
        Expression<Boolean> where = keyCondition(state);
        AttributeMapping version = mapper.version();
        if (version != null) {
            Object old = state.snapshot()[version.index()];
            set.put(version.columnName(), nextVersion(state));
            where = Sql.and(where, column(version).eq(old));
        }
        Result result = connection.execute(Sql.update(mapper.table()).values(set).where(where));
        if (result.rowcount() == 0) {
            throw stale("UPDATE", state);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Expression<?> bindOf(AttributeMapping attribute, Object value) {
        return new dev.athanor.sql.Bind(value, attribute.column().type());
    }

    @SuppressWarnings("unchecked")
    private static Column<Object> column(AttributeMapping attribute) {
        return (Column<Object>) attribute.column();
    }

    private static Expression<Boolean> keyCondition(InstanceState state) {
        List<Expression<Boolean>> parts = new ArrayList<>();
        for (AttributeMapping pk : state.mapper().primaryKey()) {
            Object key = state.snapshot() != null && state.snapshot()[pk.index()] != null
                    ? state.snapshot()[pk.index()] : pk.get(state.entity());
            parts.add(column(pk).eq(key));
        }
        return parts.size() == 1 ? parts.get(0) : Sql.and(parts.toArray(Expression[]::new));
    }

    // ------------------------------------------------------------------ DELETE

    private void delete(EntityMapper mapper, List<InstanceState> rows) {
        String sql = DmlSql.delete(mapper, dialect);
        AttributeMapping version = mapper.version();
        List<Object[]> values = new ArrayList<>(rows.size());
        for (InstanceState state : rows) {
            Object[] row = new Object[mapper.primaryKey().length + (version == null ? 0 : 1)];
            int n = keyValues(state, row, 0);
            if (version != null) {
                row[n] = state.snapshot()[version.index()];
            }
            values.add(row);
        }
        sendChecked("DELETE", mapper, sql, values, rows);
    }

    // ------------------------------------------------------------------ sending and checking

    /**
     * Sends an UPDATE or DELETE batch and checks that each row matched one row. When the driver does not report
     * per-row counts and the entity is versioned, rows go one by one so that a stale version is never missed.
     */
    private void sendChecked(String verb, EntityMapper mapper, String sql, List<Object[]> values,
            List<InstanceState> states) {
        boolean versioned = mapper.version() != null;
        if (versioned && values.size() > 1 && !dialect.batchRowcountsPerRow()) {
            for (int i = 0; i < values.size(); i++) {
                List<Object[]> one = new ArrayList<>(1);
                one.add(values.get(i));
                check(verb, connection.executeOrmBatch(sql, one, null).counts(),
                        List.of(states.get(i)));
            }
            return;
        }
        check(verb, connection.executeOrmBatch(sql, values, null).counts(), states);
    }

    private void check(String verb, int[] counts, List<InstanceState> states) {
        for (int i = 0; i < counts.length && i < states.size(); i++) {
            if (counts[i] == 0) {
                throw stale(verb, states.get(i));
            }
            if (counts[i] == Statement.EXECUTE_FAILED) {
                throw new FlushError(verb + " of " + states.get(i).describe() + " failed");
            }
        }
    }

    private static StaleDataError stale(String verb, InstanceState state) {
        AttributeMapping version = state.mapper().version();
        String why = version == null ? "the row was deleted (or its key changed) by someone else"
                : "the row was deleted, or its version " + state.snapshot()[version.index()]
                + " is stale: another transaction changed it since it was loaded";
        return new StaleDataError(verb + " of " + state.describe() + " matched no row: " + why);
    }

    // ------------------------------------------------------------------ values computed by the database

    /** Reads back server defaults, onUpdate values and assigned expressions: one SELECT per entity and chunk. */
    private void refetchGenerated() {
        if (refetch == null) {
            return;
        }
        Map<EntityMapper, List<InstanceState>> byMapper = new LinkedHashMap<>();
        for (InstanceState state : refetch.keySet()) {
            byMapper.computeIfAbsent(state.mapper(), m -> new ArrayList<>()).add(state);
        }
        for (Map.Entry<EntityMapper, List<InstanceState>> entry : byMapper.entrySet()) {
            EntityMapper mapper = entry.getKey();
            Set<AttributeMapping> attributes = new LinkedHashSet<>();
            entry.getValue().forEach(state -> attributes.addAll(refetch.get(state)));
            List<InstanceState> states = entry.getValue();
            for (int from = 0; from < states.size(); from += FETCH_CHUNK) {
                refetch(mapper, List.copyOf(attributes), states.subList(from, Math.min(states.size(),
                        from + FETCH_CHUNK)));
            }
        }
    }

    private void refetch(EntityMapper mapper, List<AttributeMapping> attributes, List<InstanceState> states) {
        List<Expression<?>> columns = new ArrayList<>();
        for (AttributeMapping pk : mapper.primaryKey()) {
            columns.add(pk.column());
        }
        attributes.forEach(a -> columns.add(a.column()));
        Map<Object, InstanceState> byKey = new HashMap<>();
        List<Expression<Boolean>> keys = new ArrayList<>();
        for (InstanceState state : states) {
            Object key = mapper.keyOf(state.entity());
            byKey.put(key, state);
            keys.add(keyOfEntity(state));
        }
        Expression<Boolean> where = mapper.primaryKey().length == 1
                ? column(mapper.primaryKey()[0]).in((java.util.Collection<Object>) new ArrayList<Object>(byKey.keySet()))
                : Sql.or(keys.toArray(Expression[]::new));
        for (Row row : connection.execute(Sql.select(columns).where(where))) {
            int n = 0;
            Object[] key = new Object[mapper.primaryKey().length];
            for (AttributeMapping pk : mapper.primaryKey()) {
                key[n] = pk.fromDatabase(row.get(n));
                n++;
            }
            InstanceState state = byKey.get(key.length == 1 ? key[0] : List.of(key));
            if (state == null) {
                continue;
            }
            for (AttributeMapping attribute : attributes) {
                Object value = attribute.fromDatabase(row.get(n++));
                write(state, attribute, value);
            }
        }
    }

    private static Expression<Boolean> keyOfEntity(InstanceState state) {
        List<Expression<Boolean>> parts = new ArrayList<>();
        for (AttributeMapping pk : state.mapper().primaryKey()) {
            parts.add(column(pk).eq(pk.get(state.entity())));
        }
        return parts.size() == 1 ? parts.get(0) : Sql.and(parts.toArray(Expression[]::new));
    }
}
