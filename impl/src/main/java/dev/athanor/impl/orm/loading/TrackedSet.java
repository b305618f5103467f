package dev.athanor.impl.orm.loading;

import dev.athanor.impl.orm.mapping.RelationshipMapping;

import java.util.AbstractSet;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;

/** The tracked {@code Set} of a collection relationship (insertion ordered); see {@link TrackedCollection}. */
public final class TrackedSet extends AbstractSet<Object> implements TrackedCollection {
    private final RelationshipMapping relationship;
    private final Object owner;
    private CollectionOwner session;
    private final LinkedHashSet<Object> members = new LinkedHashSet<>();
    private boolean loaded;
    private boolean modified;

    TrackedSet(RelationshipMapping relationship, Object owner, CollectionOwner session) {
        this.relationship = relationship;
        this.owner = owner;
        this.session = session;
    }

    private void load() {
        if (!loaded) {
            session.loadCollection(this);
        }
    }

    @Override
    public Iterator<Object> iterator() {
        load();
        Iterator<Object> inner = members.iterator();
        return new Iterator<>() {
            private Object last;

            @Override
            public boolean hasNext() {
                return inner.hasNext();
            }

            @Override
            public Object next() {
                last = inner.next();
                return last;
            }

            @Override
            public void remove() {
                inner.remove();
                modified = true;
                session.memberRemoved(TrackedSet.this, last);
            }
        };
    }

    @Override
    public int size() {
        load();
        return members.size();
    }

    @Override
    public boolean contains(Object o) {
        load();
        return members.contains(o);
    }

    @Override
    public boolean add(Object member) {
        load();
        if (!members.add(member)) {
            return false;
        }
        modified = true;
        session.memberAdded(this, member);
        return true;
    }

    @Override
    public boolean remove(Object member) {
        load();
        if (!members.remove(member)) {
            return false;
        }
        modified = true;
        session.memberRemoved(this, member);
        return true;
    }

    @Override
    public Object ownerEntity() {
        return owner;
    }

    @Override
    public RelationshipMapping relationship() {
        return relationship;
    }

    @Override
    public boolean isLoaded() {
        return loaded;
    }

    @Override
    public boolean isModified() {
        return modified;
    }

    @Override
    public void loaded(Collection<?> values) {
        members.clear();
        members.addAll(values);
        loaded = true;
        modified = false;
    }

    @Override
    public void clean() {
        modified = false;
    }

    @Override
    public void addSilently(Object member) {
        if (loaded && members.add(member)) {
            modified = true;
        }
    }

    @Override
    public void removeSilently(Object member) {
        if (loaded && members.remove(member)) {
            modified = true;
        }
    }

    @Override
    public Collection<Object> raw() {
        return members;
    }

    @Override
    public void unload(CollectionOwner newOwner) {
        members.clear();
        loaded = false;
        modified = false;
        session = newOwner;
    }

    @Override
    public String toString() {
        return loaded ? members.toString() : "[<" + relationship + " not loaded>]";
    }
}
