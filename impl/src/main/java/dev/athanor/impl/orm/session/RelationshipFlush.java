package dev.athanor.impl.orm.session;

import dev.athanor.ArgumentError;
import dev.athanor.impl.orm.flush.FlushPlan;
import dev.athanor.impl.orm.loading.TrackedCollection;
import dev.athanor.impl.orm.mapping.AttributeMapping;
import dev.athanor.impl.orm.mapping.RelationshipMapping;
import dev.athanor.impl.orm.mapping.RelationshipMapping.Kind;
import dev.athanor.impl.orm.session.InstanceState.Status;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;

import java.util.Set;

/**
 * Turns the relationships of the session's objects into the work of a flush (SQLAlchemy's dependency processors):
 * cascades ({@code save-update}: related objects join the session; {@code delete}, {@code delete-orphan}), foreign
 * keys to copy from parents ({@link FlushPlan.Link}), association rows, and the order of deletes. After a successful
 * flush it takes the relationship snapshots the next flush compares with.
 */
final class RelationshipFlush {
    private final SessionImpl session;

    RelationshipFlush(SessionImpl session) {
        this.session = session;
    }

    /** A member removed from a parent's collection (or a replaced one-to-one), to orphan after the additions. */
    private record Orphan(InstanceState member, RelationshipMapping relationship, Object owner) {
    }

    FlushPlan prepare(List<InstanceState> states) {
        FlushPlan plan = new FlushPlan();
        for (int i = 0; i < states.size(); i++) {
            InstanceState state = states.get(i);
            if (state.status() != Status.DELETED) {
                cascadeAdd(state, states);
            }
        }
        Set<InstanceState> claimed = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Orphan> orphans = new ArrayList<>();
        for (InstanceState state : states) {
            if (state.status() != Status.DELETED) {
                collections(state, plan, claimed, orphans);
            }
        }
        for (Orphan orphan : orphans) {
            orphan(orphan, plan, claimed, states);
        }
        for (int i = 0; i < states.size(); i++) {
            InstanceState state = states.get(i);
            if (state.status() == Status.DELETED) {
                cascadeDelete(state, plan, states);
            }
        }
        for (InstanceState state : states) {
            if (state.status() == Status.DELETED) {
                deleteEdges(state, plan);
            } else {
                manyToOnes(state, plan);
            }
        }
        return plan;
    }

    // ------------------------------------------------------------------ save-update cascade

    /**
     * Objects a relationship of {@code state} holds join the session (appended to {@code states}); the back sides
     * of plain collections and to-ones set on new objects are filled in.
     */
    void cascadeAdd(InstanceState state, List<InstanceState> states) {
        RelationshipMapping[] relationships = state.relationships();
        Object entity = state.entity();
        for (RelationshipMapping relationship : relationships) {
            Object value = relationship.get(entity);
            if (value == null) {
                continue;
            }
            boolean tracked = value instanceof TrackedCollection t && t.ownerEntity() == entity;
            if (tracked && !((TrackedCollection) value).isLoaded()) {
                continue;
            }
            Iterable<?> members = value instanceof TrackedCollection t ? t.raw()
                    : value instanceof Collection<?> c ? c : List.of(value);
            for (Object member : members) {
                if (member == null || !relationship.target().type().isInstance(member)) {
                    throw new ArgumentError(relationship + " holds " + (member == null ? "null"
                            : "a " + member.getClass().getSimpleName()) + "; it holds "
                            + relationship.target().entityName() + " objects");
                }
                if (session.stateOf(member) == null) {
                    states.add(session.attachCascaded(member));
                }
                if (!tracked && relationship.back() != null) {
                    fillBack(relationship, entity, member);
                }
            }
        }
    }

    /** Sets the back side of a relationship filled in by the application on a new object. */
    private static void fillBack(RelationshipMapping relationship, Object owner, Object member) {
        RelationshipMapping back = relationship.back();
        Object current = back.get(member);
        if (!back.isCollection()) {
            if (current == null) {
                back.set(member, owner);
            }
            return;
        }
        if (current instanceof TrackedCollection tracked) {
            if (tracked.isLoaded() && !containsSame(tracked.raw(), owner)) {
                tracked.addSilently(owner);
            }
        } else if (current instanceof Collection<?> plain) {
            if (!containsSame(plain, owner)) {
                @SuppressWarnings("unchecked")
                Collection<Object> writable = (Collection<Object>) plain;
                writable.add(owner);
            }
        } else {
            List<Object> created = new ArrayList<>();
            created.add(owner);
            back.set(member, back.isSet() ? new java.util.LinkedHashSet<>(created) : created);
        }
    }

    static boolean containsSame(Collection<?> collection, Object element) {
        for (Object candidate : collection) {
            if (candidate == element) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ collections and one-to-ones

    @SuppressWarnings("unchecked")
    private void collections(InstanceState state, FlushPlan plan, Set<InstanceState> claimed, List<Orphan> orphans) {
        Object entity = state.entity();
        for (RelationshipMapping relationship : state.relationships()) {
            if (relationship.kind() == Kind.MANY_TO_ONE) {
                continue;
            }
            Object value = relationship.get(entity);
            Object snapshot = state.related(relationship.index());
            if (relationship.kind() == Kind.ONE_TO_ONE) {
                if (value == snapshot || (value == null && snapshot == InstanceState.UNLOADED)) {
                    continue;
                }
                if (value != null) {
                    InstanceState member = session.stateOf(value);
                    plan.link(member, relationship.targetColumns(), state, relationship.ownerColumns());
                    claimed.add(member);
                }
                Object old = snapshot == InstanceState.UNLOADED && state.status() == Status.PERSISTENT
                        ? loadedNow(state, relationship).stream().findFirst().orElse(null)
                        : snapshot == InstanceState.UNLOADED ? null : snapshot;
                if (old != null && old != value) {
                    orphans.add(new Orphan(session.stateOf(old), relationship, entity));
                }
                continue;
            }
            Collection<Object> current;
            if (value instanceof TrackedCollection tracked && tracked.ownerEntity() == entity) {
                if (!tracked.isLoaded() || (!tracked.isModified() && snapshot != InstanceState.UNLOADED)) {
                    continue;
                }
                current = tracked.raw();
            } else {
                current = value == null ? List.of() : (Collection<Object>) value;
            }
            Collection<Object> before = state.status() == Status.PENDING ? List.of()
                    : snapshot == InstanceState.UNLOADED ? loadedNow(state, relationship) : (Collection<Object>) snapshot;
            for (Object member : current) {
                if (containsSame(before, member)) {
                    continue;
                }
                InstanceState added = session.stateOf(member);
                if (added == null) {
                    continue;
                }
                if (relationship.kind() == Kind.MANY_TO_MANY) {
                    plan.insertAssociation(relationship, state, added);
                } else {
                    plan.link(added, relationship.targetColumns(), state, relationship.ownerColumns());
                    claimed.add(added);
                }
            }
            for (Object member : before) {
                if (containsSame(current, member)) {
                    continue;
                }
                InstanceState removed = session.stateOf(member);
                if (removed == null) {
                    continue;
                }
                if (relationship.kind() == Kind.MANY_TO_MANY) {
                    plan.deleteAssociation(relationship, state, removed);
                } else {
                    orphans.add(new Orphan(removed, relationship, entity));
                }
            }
        }
    }

    /** What the database holds for a relationship not loaded in memory (the application replaced it unseen). */
    private List<Object> loadedNow(InstanceState state, RelationshipMapping relationship) {
        RelationshipLoader.Loaded loaded = session.relationshipLoader().selectFor(state, relationship, false, false);
        return loaded != null ? loaded.members() : List.of();
    }

    private void orphan(Orphan orphan, FlushPlan plan, Set<InstanceState> claimed, List<InstanceState> states) {
        InstanceState member = orphan.member();
        RelationshipMapping relationship = orphan.relationship();
        if (member == null || member.status() == Status.DELETED || claimed.contains(member)) {
            return;
        }
        RelationshipMapping back = relationship.back();
        Object backValue = back == null ? null : back.get(member.entity());
        if (backValue != null && backValue != orphan.owner()) {
            return; // moved to another parent
        }
        if (relationship.deleteOrphan()) {
            if (member.status() == Status.PENDING) {
                session.expungePending(member);
            } else {
                member.status(Status.DELETED);
            }
            return;
        }
        plan.link(member, relationship.targetColumns(), null, null);
        if (back != null) {
            back.set(member.entity(), null);
        }
    }

    // ------------------------------------------------------------------ deletes

    private void cascadeDelete(InstanceState state, FlushPlan plan, List<InstanceState> states) {
        for (RelationshipMapping relationship : state.relationships()) {
            switch (relationship.kind()) {
                case MANY_TO_MANY -> {
                    if (state.key() != null) {
                        plan.clearAssociations(relationship, state);
                    }
                }
                case ONE_TO_MANY, ONE_TO_ONE -> {
                    boolean loaded = RelationshipLoader.isLoaded(state, relationship);
                    if (relationship.passiveDeletes() && !loaded) {
                        continue; // the database's ON DELETE rule handles the rows
                    }
                    if (!relationship.cascadeDelete() && relationship.passiveDeletes()) {
                        continue;
                    }
                    List<Object> members = loaded ? current(state, relationship) : loadedNow(state, relationship);
                    for (Object member : members) {
                        InstanceState child = session.stateOf(member);
                        if (child == null || child.status() == Status.DELETED) {
                            continue;
                        }
                        if (relationship.cascadeDelete()) {
                            if (child.status() == Status.PENDING) {
                                session.expungePending(child);
                            } else {
                                child.status(Status.DELETED);
                                plan.deleteBefore(child, state, relationship.targetColumns());
                                if (!states.contains(child)) {
                                    states.add(child);
                                }
                            }
                        } else {
                            plan.link(child, relationship.targetColumns(), null, null);
                            if (relationship.back() != null && relationship.back().get(member) == state.entity()) {
                                relationship.back().set(member, null);
                            }
                        }
                    }
                }
                case MANY_TO_ONE -> {
                    if (relationship.cascadeDelete()) {
                        Object parent = relationship.get(state.entity());
                        InstanceState target = parent == null ? null : session.stateOf(parent);
                        if (target != null && target.status() == Status.PERSISTENT) {
                            target.status(Status.DELETED);
                        }
                    }
                }
            }
        }
    }

    private static List<Object> current(InstanceState state, RelationshipMapping relationship) {
        Object value = relationship.get(state.entity());
        if (value instanceof TrackedCollection tracked) {
            return new ArrayList<>(tracked.raw());
        }
        if (value instanceof Collection<?> collection) {
            return new ArrayList<>(collection);
        }
        return value == null ? List.of() : List.of(value);
    }

    /** A deleted row that refers to another deleted row goes first. */
    private void deleteEdges(InstanceState state, FlushPlan plan) {
        for (RelationshipMapping relationship : state.relationships()) {
            if (relationship.kind() != Kind.MANY_TO_ONE) {
                continue;
            }
            Object[] snapshot = state.snapshot();
            AttributeMapping[] fk = relationship.ownerColumns();
            Object[] parts = new Object[fk.length];
            boolean complete = snapshot != null;
            for (int i = 0; complete && i < fk.length; i++) {
                parts[i] = snapshot[fk[i].index()];
                complete = parts[i] != null && parts[i] != InstanceState.UNLOADED;
            }
            if (!complete || !java.util.Arrays.equals(relationship.targetColumns(),
                    relationship.target().primaryKey())) {
                continue;
            }
            InstanceState target = session.stateOfKey(relationship.target(),
                    parts.length == 1 ? parts[0] : List.of(parts));
            if (target != null && target.status() == Status.DELETED) {
                plan.deleteBefore(state, target, fk);
            }
        }
    }

    // ------------------------------------------------------------------ many-to-ones

    private void manyToOnes(InstanceState state, FlushPlan plan) {
        Object entity = state.entity();
        for (RelationshipMapping relationship : state.relationships()) {
            if (relationship.kind() != Kind.MANY_TO_ONE) {
                continue;
            }
            Object value = relationship.get(entity);
            Object snapshot = state.related(relationship.index());
            if (value == snapshot || (value == null && snapshot == InstanceState.UNLOADED)) {
                continue;
            }
            if (state.status() == Status.PENDING && value == null) {
                continue;
            }
            InstanceState parent = value == null ? null : session.stateOf(value);
            plan.link(state, relationship.ownerColumns(), parent, relationship.targetColumns());
            RelationshipMapping back = relationship.back();
            if (back != null && back.isCollection()) {
                if (parent != null && back.get(value) instanceof TrackedCollection tracked) {
                    tracked.addSilently(entity);
                }
                if (snapshot != null && snapshot != InstanceState.UNLOADED
                        && back.get(snapshot) instanceof TrackedCollection old) {
                    old.removeSilently(entity);
                }
            }
        }
    }

    // ------------------------------------------------------------------ after the flush

    /** The relationship snapshots of the objects after a successful flush; plain collections become tracked. */
    @SuppressWarnings("unchecked")
    void afterFlush(Collection<InstanceState> states) {
        for (InstanceState state : states) {
            RelationshipMapping[] relationships = state.relationships();
            if (relationships.length == 0 || state.status() != Status.PERSISTENT) {
                continue;
            }
            Object entity = state.entity();
            for (RelationshipMapping relationship : relationships) {
                Object value = relationship.get(entity);
                if (relationship.isCollection()) {
                    if (value instanceof TrackedCollection tracked && tracked.ownerEntity() == entity) {
                        if (tracked.isLoaded() && (tracked.isModified()
                                || state.related(relationship.index()) == InstanceState.UNLOADED)) {
                            tracked.clean();
                            state.related(relationship.index(), new ArrayList<>(tracked.raw()), relationships.length);
                        }
                    } else {
                        List<Object> members = value == null ? List.of() : new ArrayList<>((Collection<Object>) value);
                        session.relationshipLoader().setLoaded(state, relationship, members);
                    }
                } else {
                    Object snapshot = state.related(relationship.index());
                    if (value != snapshot && !(value == null && snapshot == InstanceState.UNLOADED)) {
                        state.related(relationship.index(), value, relationships.length);
                    }
                }
            }
        }
    }

}
