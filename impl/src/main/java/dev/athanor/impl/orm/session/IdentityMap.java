package dev.athanor.impl.orm.session;

import dev.athanor.impl.orm.mapping.EntityMapper;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A session's identity map: per mapper, a hash map from the key value (the {@code Integer} of a one-column key as
 * read from the row, a List for a composite key) to the object's state. No key object is made per lookup (a record
 * of mapper and key cost an allocation and a combined hash per loaded row), and the map of the mapper used last is
 * kept at hand, since loads meet one entity class row after row.
 */
final class IdentityMap {
    private final Map<EntityMapper, HashMap<Object, InstanceState>> byMapper = new IdentityHashMap<>();
    private EntityMapper lastMapper;
    private HashMap<Object, InstanceState> last;

    private HashMap<Object, InstanceState> of(EntityMapper mapper, boolean create) {
        if (mapper == lastMapper) {
            return last;
        }
        HashMap<Object, InstanceState> states = byMapper.get(mapper);
        if (states == null) {
            if (!create) {
                return null;
            }
            states = new HashMap<>();
            byMapper.put(mapper, states);
        }
        lastMapper = mapper;
        last = states;
        return states;
    }

    InstanceState get(EntityMapper mapper, Object key) {
        HashMap<Object, InstanceState> states = of(mapper, false);
        return states == null ? null : states.get(key);
    }

    void put(EntityMapper mapper, Object key, InstanceState state) {
        of(mapper, true).put(key, state);
    }

    void remove(EntityMapper mapper, Object key) {
        HashMap<Object, InstanceState> states = of(mapper, false);
        if (states != null) {
            states.remove(key);
        }
    }

    void clear() {
        byMapper.clear();
        lastMapper = null;
        last = null;
    }
}
