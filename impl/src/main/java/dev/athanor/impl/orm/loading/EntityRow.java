package dev.athanor.impl.orm.loading;

import dev.athanor.ArgumentError;
import dev.athanor.Row;
import dev.athanor.sql.Expression;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A row of an ORM result: one entity, labelled with its class's simple name (as SQLAlchemy labels {@code User}). */
public final class EntityRow implements Row {
    private final Object entity;
    private final String label;

    public EntityRow(Object entity, String label) {
        this.entity = entity;
        this.label = label;
    }

    @Override
    public Object get(int index) {
        if (index != 0) {
            throw new ArgumentError("row index " + index + " out of range: this row holds one " + label);
        }
        return entity;
    }

    @Override
    public Object get(String name) {
        if (!label.equalsIgnoreCase(name)) {
            throw new ArgumentError("no column '" + name + "' in this row; it holds one " + label);
        }
        return entity;
    }

    @Override
    public <T> T get(int index, Class<T> type) {
        return type.cast(get(index));
    }

    @Override
    public <T> T get(String name, Class<T> type) {
        return type.cast(get(name));
    }

    @Override
    public <T> T get(Expression<T> column) {
        throw new ArgumentError("this row holds one " + label + "; read its attributes from the object (row.get(0))");
    }

    @Override
    public java.util.Iterator<Object> iterator() {
        return values().iterator();
    }

    @Override
    public int size() {
        return 1;
    }

    @Override
    public List<String> keys() {
        return List.of(label);
    }

    @Override
    public List<Object> values() {
        return java.util.Collections.singletonList(entity);
    }

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(label, entity);
        return map;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EntityRow row && row.entity == entity;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(entity);
    }

    @Override
    public String toString() {
        return "(" + entity + ")";
    }
}
