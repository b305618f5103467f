package dev.athanor.impl.orm.session;

import java.util.AbstractCollection;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The states of a session's objects, in the order the session met them. Finding the state of an object by identity
 * needs an index (object to state) once the session holds more than a few; it is built on the first such lookup and
 * kept up to date from then on. A load
 * whose objects are read, or changed and committed, never asks, so it adds no hash table entry (nor an identity hash
 * code) per object: that index was 8% of loading 1,000 objects. Removal marks the state and leaves its slot to the
 * next compaction, so removing states while {@link #values()} is iterated is safe.
 */
final class SessionStates {
    private static final InstanceState[] NONE = new InstanceState[0];

    /** Made on the first add (a session that only runs statements holds no object). */
    private InstanceState[] states = NONE;
    private int size;
    private int dropped;
    private IdentityHashMap<Object, InstanceState> index;
    /**
     * Up to this many states a lookup compares them one by one instead of building the index (an identity hash code
     * per object and a table of 64 slots, for a session that adds one object).
     */
    static final int SCAN_LIMIT = 8;

    /** Adds the state of an object the session does not hold yet. */
    void add(InstanceState state) {
        if (size == states.length) {
            grow();
        }
        states[size++] = state;
        if (index != null) {
            index.put(state.entity(), state);
        }
    }

    /**
     * Makes room for {@code more} states (an {@code addAll}): the array and the index grow once instead of step by
     * step. The index is built here, as the adds' lookups would build it.
     */
    void reserve(int more) {
        int needed = size + more;
        if (more < 16 || needed <= states.length) {
            return;
        }
        states = java.util.Arrays.copyOf(states, needed);
        if (index == null) {
            index = indexOfHeld(needed - dropped);
        } else if (index.size() < needed / 2) {   // most of the index is to come: rehash once, now
            IdentityHashMap<Object, InstanceState> larger = new IdentityHashMap<>(needed - dropped);
            larger.putAll(index);
            index = larger;
        }
    }

    /**
     * The state of {@code entity}, or null. A session holding at most {@link #SCAN_LIMIT} states (one add and commit,
     * a get or two) is searched in place; a larger one builds the index on its first lookup.
     */
    InstanceState get(Object entity) {
        if (index == null && size <= SCAN_LIMIT) {
            for (int i = 0; i < size; i++) {
                InstanceState state = states[i];
                if (state.entity() == entity && !state.dropped()) {
                    return state;
                }
            }
            return null;
        }
        return index().get(entity);
    }

    boolean contains(Object entity) {
        return get(entity) != null;
    }

    /** Removes a state the session holds (a no-op for one it does not). */
    void remove(InstanceState state) {
        if (state.dropped() || get(state.entity()) != state) {
            return;
        }
        if (index != null) {
            index.remove(state.entity());
        }
        state.dropped(true);
        dropped++;
    }

    int size() {
        return size - dropped;
    }

    void clear() {
        states = NONE;
        size = 0;
        dropped = 0;
        index = null;
    }

    /**
     * The states held, in the order they were added: a live view (states removed while it is iterated are skipped;
     * they are compacted away on the next call).
     */
    Collection<InstanceState> values() {
        if (dropped > 0) {
            compact();
        }
        return view;
    }

    private final Collection<InstanceState> view = new AbstractCollection<>() {
        @Override
        public int size() {
            return SessionStates.this.size();
        }

        @Override
        public Iterator<InstanceState> iterator() {
            return new Iterator<>() {
                private int next;

                @Override
                public boolean hasNext() {
                    while (next < size && states[next].dropped()) {   // skipped when asked: removals since count
                        next++;
                    }
                    return next < size;
                }

                @Override
                public InstanceState next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    return states[next++];
                }
            };
        }
    };

    private void compact() {
        int kept = 0;
        for (int i = 0; i < size; i++) {
            InstanceState state = states[i];
            if (!state.dropped()) {
                states[kept++] = state;
            }
        }
        java.util.Arrays.fill(states, kept, size, null);
        size = kept;
        dropped = 0;
    }

    private void grow() {
        int length = states.length;
        states = java.util.Arrays.copyOf(states, length == 0 ? 4 : length < 1024 ? length * 4 : length * 2);
    }

    private IdentityHashMap<Object, InstanceState> index() {
        IdentityHashMap<Object, InstanceState> built = index;
        if (built == null) {
            built = indexOfHeld(Math.max(size - dropped, 16));
            index = built;
        }
        return built;
    }

    /** An object-to-state index of the states held, sized for {@code capacity} entries. */
    private IdentityHashMap<Object, InstanceState> indexOfHeld(int capacity) {
        IdentityHashMap<Object, InstanceState> built = new IdentityHashMap<>(capacity);
        for (int i = 0; i < size; i++) {
            InstanceState state = states[i];
            if (!state.dropped()) {
                built.put(state.entity(), state);
            }
        }
        return built;
    }
}
