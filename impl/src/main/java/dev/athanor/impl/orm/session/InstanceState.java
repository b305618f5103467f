package dev.athanor.impl.orm.session;

import dev.athanor.impl.orm.mapping.AttributeMapping;
import dev.athanor.impl.orm.mapping.EntityMapper;
import dev.athanor.sql.Expression;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a session knows of one object (SQLAlchemy's {@code InstanceState}): its lifecycle status, identity, the
 * snapshot of column values as last loaded or flushed (for dirty checking), and expressions assigned to attributes.
 */
public final class InstanceState {
    /** The lifecycle of an object in a session. */
    public enum Status { PENDING, PERSISTENT, DELETED }

    /** Snapshot marker for a deferred column that has not been loaded. */
    public static final Object UNLOADED = new Object() {
        @Override
        public String toString() {
            return "<unloaded>";
        }
    };

    private final Object entity;
    private final EntityMapper mapper;
    private Status status;
    /** Loaded by a {@code ReadOnly.TRUE} select: no snapshot of the loaded columns, never dirty-checked. */
    private boolean readOnly;
    private Object key;
    private Object[] snapshot;
    /** The rarely used parts (expressions assigned, loading strategies given by options), or null. */
    private Rare rare;
    private boolean expired;
    private boolean insertedInTransaction;
    /** Removed from its session's {@link SessionStates}. */
    private boolean dropped;

    /** An int: a session meets fewer than 2^31 objects; with the fields above the object stays at 56 bytes. */
    private int sequence;
    /**
     * The relationship snapshots: null while none is taken; an {@code Object[]} (one slot per relationship) when the
     * mapper has several; the value itself when it has one ({@link #EMPTY} for a known-empty to-one). A snapshot is
     * an entity or a List, never an array, so the two forms cannot be confused.
     */
    private Object related;

    /** The single relationship's snapshot of a to-one known to be empty. */
    private static final Object EMPTY = new Object();
    private Object loadMark;

    boolean dropped() {
        return dropped;
    }

    void dropped(boolean value) {
        this.dropped = value;
    }

    /** Which load last took this object (a joined read marks objects it has met instead of keeping a set). */
    Object loadMark() {
        return loadMark;
    }

    void loadMark(Object value) {
        this.loadMark = value;
    }
    private dev.athanor.impl.orm.mapping.RelationshipMapping[] relationships = NO_RELATIONSHIPS;

    private static final dev.athanor.impl.orm.mapping.RelationshipMapping[] NO_RELATIONSHIPS =
            new dev.athanor.impl.orm.mapping.RelationshipMapping[0];

    /** The relationships of the object's mapper in its session's registry (set when the session takes it). */
    public dev.athanor.impl.orm.mapping.RelationshipMapping[] relationships() {
        return relationships;
    }

    void relationships(dev.athanor.impl.orm.mapping.RelationshipMapping[] value) {
        this.relationships = value;
    }

    /** What few objects have: kept out of every state's own fields (8 bytes less per loaded object). */
    private static final class Rare {
        Map<AttributeMapping, Expression<?>> assigned;
        dev.athanor.orm.Loading.Strategy[] strategies;
    }

    private Rare rare() {
        Rare value = rare;
        if (value == null) {
            value = new Rare();
            rare = value;
        }
        return value;
    }

    /**
     * The relationship snapshot of relationship {@code index}: the object a to-one referred to, or the members of a
     * collection ({@code List}), as last loaded or flushed; {@link #UNLOADED} while not loaded; null for a to-one
     * known to be empty.
     */
    public Object related(int index) {
        Object taken = related;
        if (taken == null) {
            return UNLOADED;
        }
        if (taken instanceof Object[] all) {
            return all[index];
        }
        return taken == EMPTY ? null : taken;   // the only relationship's, kept without an array
    }

    public void related(int index, Object value, int count) {
        if (count == 1) {   // most entities with a relationship have one: 24 bytes less per object
            related = value == null ? EMPTY : value;
            return;
        }
        Object[] all = (Object[]) related;
        if (all == null) {
            all = new Object[count];
            java.util.Arrays.fill(all, UNLOADED);
            related = all;
        }
        all[index] = value;
    }

    /** Whether any relationship snapshot was taken (else every relationship counts as unloaded). */
    public boolean hasRelated() {
        return related != null;
    }

    /** The loading strategy a loader option gave this object's relationship {@code index}, or null. */
    public dev.athanor.orm.Loading.Strategy strategy(int index) {
        return rare == null || rare.strategies == null ? null : rare.strategies[index];
    }

    public void strategy(int index, dev.athanor.orm.Loading.Strategy value, int count) {
        Rare parts = rare();
        if (parts.strategies == null) {
            parts.strategies = new dev.athanor.orm.Loading.Strategy[count];
        }
        parts.strategies[index] = value;
    }

    /** Forgets the relationship snapshots (expired: they load again when used). */
    public void clearRelated() {
        related = null;
        if (rare != null) {
            rare.strategies = null;
        }
    }

    InstanceState(Object entity, EntityMapper mapper, Status status) {
        this.entity = entity;
        this.mapper = mapper;
        this.status = status;
    }

    /** The order in which the session met the object: pending rows are inserted in this order. */
    public long sequence() {
        return sequence;
    }

    void sequence(long value) {
        this.sequence = (int) value;
    }

    public Object entity() {
        return entity;
    }

    public EntityMapper mapper() {
        return mapper;
    }

    public Status status() {
        return status;
    }

    public void status(Status value) {
        this.status = value;
    }

    /** The identity key (null while pending with a generated key). */
    public Object key() {
        return key;
    }

    public void key(Object value) {
        this.key = value;
    }

    /**
     * The column values as last loaded or flushed. A read-only object keeps none; paths that need one anyway
     * (a DELETE's key and version, an UPDATE of foreign keys a relationship changed) get its current values, which
     * are the loaded ones as long as the application kept the read-only promise.
     */
    public Object[] snapshot() {
        if (readOnly) {
            Object[] kept = snapshot;
            takeSnapshot();
            Object[] current = snapshot;
            snapshot = kept;
            return current;
        }
        return snapshot;
    }

    /** Whether the object was loaded read-only ({@code ReadOnly.TRUE}): not dirty-checked. */
    public boolean isReadOnly() {
        return readOnly;
    }

    void readOnly(boolean value) {
        this.readOnly = value;
    }

    /** Takes the snapshot of every loaded column from the object's fields ({@code UNLOADED} kept for the rest). */
    public void takeSnapshot() {
        AttributeMapping[] attributes = mapper.attributes();
        Object[] previous = snapshot;
        Object[] values = new Object[attributes.length];
        for (int i = 0; i < attributes.length; i++) {
            if (previous != null && previous[i] == UNLOADED && attributes[i].isDeferred()
                    && attributes[i].get(entity) == null) {
                values[i] = UNLOADED;
            } else {
                values[i] = attributes[i].snapshot(attributes[i].get(entity));
            }
        }
        snapshot = values;
    }

    /**
     * Makes {@code values} the snapshot: the values a flush just wrote for this object's INSERT, kept as they were
     * read for it (so the fields are not read a second time). The array is the state's from now on.
     */
    public void flushedSnapshot(Object[] values) {
        this.snapshot = values;
    }

    /** The snapshot array to write a load into: the object's own, made now if it has none yet. */
    Object[] snapshotArray() {
        Object[] values = snapshot;
        if (values == null) {
            values = new Object[mapper.attributes().length];
            snapshot = values;
        }
        return values;
    }

    /** Sets the snapshot of one column (after it was loaded or written). */
    public void snapshotOf(AttributeMapping attribute, Object value) {
        if (snapshot == null) {
            snapshot = new Object[mapper.attributes().length];
        }
        snapshot[attribute.index()] = attribute.snapshot(value);
    }

    public void markUnloaded(AttributeMapping attribute) {
        if (snapshot == null) {
            snapshot = new Object[mapper.attributes().length];
        }
        snapshot[attribute.index()] = UNLOADED;
    }

    public boolean isLoaded(AttributeMapping attribute) {
        return snapshot == null || snapshot[attribute.index()] != UNLOADED;
    }

    /** Whether the field differs from its snapshot (an unloaded deferred field only if the application set it). */
    public boolean isChanged(AttributeMapping attribute) {
        if (readOnly) {
            return false;   // its changes are not written (Hibernate's read-only entities)
        }
        return differs(attribute, attribute.get(entity), snapshot[attribute.index()]);
    }

    /** Whether {@code value} differs from its snapshot {@code before} (an unloaded one only if it was set). */
    private static boolean differs(AttributeMapping attribute, Object value, Object before) {
        return before == UNLOADED ? value != null : attribute.changed(value, before);
    }

    /** Whether a flush would write something for this object. */
    public boolean isModified() {
        if (status != Status.PERSISTENT) {
            return true;
        }
        if (rare != null && rare.assigned != null && !rare.assigned.isEmpty()) {
            return true;
        }
        Object[] before = snapshot;
        if (before == null || readOnly) {
            return false;
        }
        AttributeMapping[] attributes = mapper.attributes();
        for (int i = 0; i < attributes.length; i++) {   // isChanged of each, with the checks above done once
            if (differs(attributes[i], attributes[i].get(entity), before[i])) {
                return true;
            }
        }
        return false;
    }

    public Map<AttributeMapping, Expression<?>> assigned() {
        return rare == null || rare.assigned == null ? Map.of() : rare.assigned;
    }

    public void assign(AttributeMapping attribute, Expression<?> expression) {
        Rare parts = rare();
        if (parts.assigned == null) {
            parts.assigned = new LinkedHashMap<>();
        }
        parts.assigned.put(attribute, expression);
    }

    public void clearAssigned() {
        if (rare != null) {
            rare.assigned = null;
        }
    }

    public boolean isExpired() {
        return expired;
    }

    public void expired(boolean value) {
        this.expired = value;
    }

    /** Whether the row was inserted in the current transaction (a rollback makes the object new again). */
    public boolean insertedInTransaction() {
        return insertedInTransaction;
    }

    public void insertedInTransaction(boolean value) {
        this.insertedInTransaction = value;
    }

    /** {@code User(id=5)}, for messages. */
    public String describe() {
        return mapper.describe(entity);
    }

    @Override
    public String toString() {
        return describe() + " " + status;
    }
}
