package dev.athanor.impl.orm.session;

import dev.athanor.impl.orm.mapping.AttributeMapping;
import dev.athanor.impl.orm.mapping.EntityMapper;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A session's identity map: per mapper, the states by key value. No key object is made per lookup (a record of
 * mapper and key cost an allocation and a combined hash per loaded row), and the table of the mapper used last is
 * kept at hand, since loads meet one entity class row after row. {@code Integer} keys, the usual single-column key,
 * live in an open-addressed table of {@code int} keys and states (no map entry per object); other keys (a List for
 * a composite key, Long, String, UUID ...) in a HashMap.
 */
final class IdentityMap {
    /** The tables of the mappers other than the last one used; made when a second mapper comes (most sessions use one). */
    private Map<EntityMapper, States> byMapper;
    private EntityMapper lastMapper;
    private States last;

    private States of(EntityMapper mapper, boolean create) {
        if (mapper == lastMapper) {
            return last;
        }
        States states = byMapper == null ? null : byMapper.get(mapper);
        if (states == null) {
            if (!create) {
                return null;
            }
            states = new States();
            if (lastMapper != null) {   // a second mapper: from now on every table is in the map
                if (byMapper == null) {
                    byMapper = new IdentityHashMap<>();
                    byMapper.put(lastMapper, last);
                }
                byMapper.put(mapper, states);
            }
        }
        lastMapper = mapper;
        last = states;
        return states;
    }

    InstanceState get(EntityMapper mapper, Object key) {
        States states = of(mapper, false);
        return states == null ? null : states.get(key);
    }

    void put(EntityMapper mapper, Object key, InstanceState state) {
        of(mapper, true).put(key, state);
    }

    /**
     * Makes room for {@code more} keys of {@code mapper} (after a flush inserted that many rows) when its keys are
     * single {@code Integer} columns, so that the table grows once instead of step by step.
     */
    void reserve(EntityMapper mapper, int more) {
        AttributeMapping[] key = mapper.primaryKey();
        if (more >= 64 && key.length == 1 && key[0].boxedType() == Integer.class) {
            of(mapper, true).reserve(more);
        }
    }

    void remove(EntityMapper mapper, Object key) {
        States states = of(mapper, false);
        if (states != null) {
            states.remove(key);
        }
    }

    void clear() {
        byMapper = null;
        lastMapper = null;
        last = null;
    }

    /** The states of one mapper: linear probing over {@code int} keys, a HashMap for the other key types. */
    static final class States {
        private int[] keys = new int[8];
        private InstanceState[] values = new InstanceState[8];
        private int size;
        private HashMap<Object, InstanceState> others;
        /**
         * Where the last lookup of an absent {@code int} key ended (-1: none): a load asks for a key, misses, and
         * puts it right after, so the put takes that slot without probing again. Forgotten when the table grows or
         * loses an entry (either could move the key's place); another put is seen by the slot being taken.
         */
        private int missSlot = -1;
        private int missKey;
        /**
         * Keys start at their own value's slot ({@code key & mask}): a load meets keys in runs (1, 2, 3 ...), which
         * then fill neighbouring slots without a single collision, so its probes walk memory in order instead of
         * jumping across the table (a cache miss each). Keys that crowd one region (a stride of the table's size,
         * runs that overlap modulo it, as the children of parents loaded together can) make a probe long: the first
         * probe longer than {@link #LONG_PROBE} switches the table to scrambled slots (Fibonacci hashing) for good.
         * (Placing blocks of 16 keys by a hash instead was tried: a run then probes 12 to 25 slots per key.)
         */
        private boolean scrambled;
        private static final int LONG_PROBE = 32;

        private int slot(int key, int mask) {
            if (!scrambled) {
                return key & mask;
            }
            int h = key * 0x9E3779B9;
            return (h ^ (h >>> 16)) & mask;
        }

        InstanceState get(Object key) {
            if (key instanceof Integer n) {
                int k = n;
                int mask = keys.length - 1;
                int probes = 0;
                for (int i = slot(k, mask); ; i = (i + 1) & mask) {
                    InstanceState state = values[i];
                    if (state == null) {
                        if (probes > LONG_PROBE && !scrambled) {
                            scramble();
                            return get(key);
                        }
                        missSlot = i;
                        missKey = k;
                        return null;
                    }
                    if (keys[i] == k) {
                        return state;
                    }
                    probes++;
                }
            }
            return others == null ? null : others.get(key);
        }

        /** Whether keys are placed by scrambled slots (after a long probe). */
        boolean isScrambled() {
            return scrambled;
        }

        /** Re-places every key by a scrambled slot (same table size). */
        private void scramble() {
            scrambled = true;
            rehash(keys.length);
        }

        void put(Object key, InstanceState state) {
            if (!(key instanceof Integer n) || state == null) {
                if (others == null) {
                    others = new HashMap<>();
                }
                others.put(key, state);
                return;
            }
            int k = n;
            if ((size + 1) * 2 > keys.length) {
                grow();
            } else if (missSlot >= 0 && missKey == k && values[missSlot] == null) {
                keys[missSlot] = k;
                values[missSlot] = state;
                size++;
                missSlot = -1;
                return;
            }
            insert(k, state);
        }

        private void insert(int k, InstanceState state) {
            int mask = keys.length - 1;
            int probes = 0;
            for (int i = slot(k, mask); ; i = (i + 1) & mask) {
                if (values[i] == null) {
                    keys[i] = k;
                    values[i] = state;
                    size++;
                    if (probes > LONG_PROBE && !scrambled) {
                        // also safe inside a rehash: its loop goes on inserting into the scrambled table
                        scramble();
                    }
                    return;
                }
                if (keys[i] == k) {
                    values[i] = state;
                    return;
                }
                probes++;
            }
        }

        /** Grows the table, once, to hold {@code more} keys beyond those it has without growing again. */
        void reserve(int more) {
            int length = keys.length;
            while ((size + more) * 2 > length) {
                length *= 2;
            }
            if (length > keys.length) {
                rehash(length);
            }
        }

        private void grow() {
            // four times while small: a load of 1,000 objects grows 4 times instead of 8 (half the garbage)
            rehash(keys.length < 1024 ? keys.length * 4 : keys.length * 2);
        }

        private void rehash(int length) {
            missSlot = -1;
            int[] oldKeys = keys;
            InstanceState[] oldValues = values;
            keys = new int[length];
            values = new InstanceState[length];
            size = 0;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldValues[i] != null) {
                    insert(oldKeys[i], oldValues[i]);
                }
            }
        }

        void remove(Object key) {
            if (!(key instanceof Integer n)) {
                if (others != null) {
                    others.remove(key);
                }
                return;
            }
            int k = n;
            missSlot = -1;
            int mask = keys.length - 1;
            int i = slot(k, mask);
            while (true) {
                if (values[i] == null) {
                    return;
                }
                if (keys[i] == k) {
                    break;
                }
                i = (i + 1) & mask;
            }
            values[i] = null;
            size--;
            // backward shift: move later entries of the probe run into the hole unless their home slot is after it
            for (int j = (i + 1) & mask; values[j] != null; j = (j + 1) & mask) {
                int home = slot(keys[j], mask);
                boolean stays = i <= j ? (i < home && home <= j) : (i < home || home <= j);
                if (!stays) {
                    keys[i] = keys[j];
                    values[i] = values[j];
                    values[j] = null;
                    i = j;
                }
            }
        }
    }
}
