package dev.athanor.impl.orm.loading;

import dev.athanor.impl.orm.mapping.RelationshipMapping;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.RandomAccess;

/** The tracked {@code List} of a collection relationship; see {@link TrackedCollection}. */
public final class TrackedList extends AbstractList<Object> implements TrackedCollection, RandomAccess {
    private final RelationshipMapping relationship;
    private final Object owner;
    private CollectionOwner session;
    private final ArrayList<Object> members = new ArrayList<>();
    private boolean loaded;
    private boolean modified;

    TrackedList(RelationshipMapping relationship, Object owner, CollectionOwner session) {
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
    public Object get(int index) {
        load();
        return members.get(index);
    }

    @Override
    public int size() {
        load();
        return members.size();
    }

    @Override
    public Object set(int index, Object element) {
        load();
        Object old = members.set(index, element);
        modCount++;
        modified = true;
        if (old != element) {
            session.memberRemoved(this, old);
            session.memberAdded(this, element);
        }
        return old;
    }

    @Override
    public void add(int index, Object element) {
        load();
        members.add(index, element);
        modCount++;
        modified = true;
        session.memberAdded(this, element);
    }

    @Override
    public Object remove(int index) {
        load();
        Object old = members.remove(index);
        modCount++;
        modified = true;
        session.memberRemoved(this, old);
        return old;
    }

    /**
     * Loads once, then walks the members directly (AbstractList's iterator asks {@code size()} and {@code get(i)},
     * each checking the load, per element); {@code remove()} goes through {@link #remove(int)} and its callbacks.
     */
    @Override
    public Iterator<Object> iterator() {
        load();
        return new Walk();
    }

    private final class Walk implements Iterator<Object> {
        private int cursor;
        private int last = -1;
        private int expectedModCount = modCount;

        @Override
        public boolean hasNext() {
            return cursor < members.size();
        }

        @Override
        public Object next() {
            if (modCount != expectedModCount) {
                throw new ConcurrentModificationException();
            }
            int i = cursor;
            if (i >= members.size()) {
                throw new NoSuchElementException();
            }
            cursor = i + 1;
            last = i;
            return members.get(i);
        }

        @Override
        public void remove() {
            if (last < 0) {
                throw new IllegalStateException();
            }
            if (modCount != expectedModCount) {
                throw new ConcurrentModificationException();
            }
            TrackedList.this.remove(last);
            cursor = last;
            last = -1;
            expectedModCount = modCount;
        }
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
        if (values instanceof List<?> list && values instanceof RandomAccess) {
            // one array of the exact size: addAll would copy the values into a temporary array first
            members.ensureCapacity(list.size());
            for (int i = 0; i < list.size(); i++) {
                members.add(list.get(i));
            }
        } else {
            members.addAll(values);
        }
        loaded = true;
        modified = false;
    }

    @Override
    public void clean() {
        modified = false;
    }

    @Override
    public void addSilently(Object member) {
        if (loaded && !members.contains(member)) {
            members.add(member);
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
    @SuppressWarnings("unchecked")
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
