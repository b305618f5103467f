package dev.athanor.impl.orm.session;

import dev.athanor.ArgumentError;
import dev.athanor.impl.orm.mapping.AttributeMapping;
import dev.athanor.impl.orm.mapping.EntityMapper;
import dev.athanor.impl.orm.session.InstanceState.Status;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * SQLAlchemy's bulk operations: rows go through the unit of work's batching (same-shape rows in one JDBC batch,
 * Java-side defaults, versions) but the objects are not kept in the session's identity map.
 */
final class BulkOperations {
    /** A snapshot value equal to nothing: every column given to a bulk update is written. */
    private static final Object WRITE = new Object();

    private final SessionImpl session;

    BulkOperations(SessionImpl session) {
        this.session = session;
    }

    /** Inserts objects without a key (or not yet stored), updates the others; none is added to the session. */
    void saveObjects(Collection<?> entities) {
        List<InstanceState> work = new ArrayList<>(entities.size());
        for (Object entity : entities) {
            EntityMapper mapper = session.registryImpl().mapperOf(entity);
            Object key = mapper.keyOf(entity);
            // as SQLAlchemy: an object with no key, or whose key the database does not generate, is inserted
            if (key == null || mapper.identityColumn() == null) {
                work.add(new InstanceState(entity, mapper, Status.PENDING));
            } else {
                work.add(forUpdate(mapper, entity, null));
            }
        }
        session.flushDetached(work);
    }

    void insertMappings(EntityMapper mapper, List<? extends Map<String, ?>> mappings) {
        List<InstanceState> work = new ArrayList<>(mappings.size());
        for (Map<String, ?> mapping : mappings) {
            Object entity = mapper.newInstance();
            for (Map.Entry<String, ?> entry : mapping.entrySet()) {
                AttributeMapping attribute = mapper.attribute(entry.getKey());
                attribute.set(entity, convert(attribute, entry.getValue()));
            }
            work.add(new InstanceState(entity, mapper, Status.PENDING));
        }
        session.flushDetached(work);
    }

    void updateMappings(EntityMapper mapper, List<? extends Map<String, ?>> mappings) {
        List<InstanceState> work = new ArrayList<>(mappings.size());
        for (Map<String, ?> mapping : mappings) {
            Object entity = mapper.newInstance();
            for (AttributeMapping pk : mapper.primaryKey()) {
                if (!mapping.containsKey(pk.name()) && !mapping.containsKey(pk.columnName())) {
                    throw new ArgumentError("bulkUpdateMappings(" + mapper.entityName() + "): mapping " + mapping
                            + " has no primary key value '" + pk.name() + "'");
                }
            }
            for (Map.Entry<String, ?> entry : mapping.entrySet()) {
                AttributeMapping attribute = mapper.attribute(entry.getKey());
                attribute.set(entity, convert(attribute, entry.getValue()));
            }
            work.add(forUpdate(mapper, entity, mapping));
        }
        session.flushDetached(work);
    }

    /**
     * A state that writes the given columns ({@code mapping} keys, or every column when null): the snapshot holds
     * the key and version as they are and a never-equal marker for the columns to write.
     */
    private static InstanceState forUpdate(EntityMapper mapper, Object entity, Map<String, ?> mapping) {
        InstanceState state = new InstanceState(entity, mapper, Status.PERSISTENT);
        state.takeSnapshot();
        Object[] snapshot = state.snapshot();
        for (AttributeMapping attribute : mapper.attributes()) {
            if (attribute.isPrimaryKey() || attribute.isVersion()) {
                continue;
            }
            boolean given = mapping == null || mapping.containsKey(attribute.name())
                    || mapping.containsKey(attribute.columnName());
            if (given) {
                snapshot[attribute.index()] = WRITE;
            }
        }
        state.key(mapper.keyOf(entity));
        return state;
    }

    private static Object convert(AttributeMapping attribute, Object value) {
        if (value == null || attribute.boxedType().isInstance(value) || attribute.isJson()) {
            return value;
        }
        return attribute.fromDatabase(value);
    }
}
