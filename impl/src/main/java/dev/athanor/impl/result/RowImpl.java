package dev.athanor.impl.result;

import dev.athanor.Row;

import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A row: its values and the layout it shares with the other rows of its result. */
final class RowImpl implements Row {
    private final RowLayout layout;
    private final Object[] values;

    RowImpl(RowLayout layout, Object[] values) {
        this.layout = layout;
        this.values = values;
    }

    Object[] rawValues() {
        return values;
    }

    RowLayout layout() {
        return layout;
    }

    @Override
    public Object get(int index) {
        if (index < 0 || index >= values.length) {
            throw new dev.athanor.ArgumentError("no column at position " + index + "; this row has " + values.length
                    + " columns " + layout.keys() + " (positions are 0-based)");
        }
        return values[index];
    }

    @Override
    public Object get(String label) {
        return values[layout.indexOf(label)];
    }

    @Override
    public <T> T get(int index, Class<T> type) {
        return ValueConverter.convert(get(index), type, layout.label(index));
    }

    @Override
    public <T> T get(String label, Class<T> type) {
        return ValueConverter.convert(get(label), type, label);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T get(dev.athanor.sql.Expression<T> column) {
        int index = layout.indexOf(column);
        Object value = values[index];
        Class<T> type = column.type() == null ? null : column.type().javaType();
        return type == null || type == Object.class ? (T) value : ValueConverter.convert(value, type, layout.label(index));
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public List<String> keys() {
        return layout.keys();
    }

    @Override
    public List<Object> values() {
        return Collections.unmodifiableList(Arrays.asList(values));
    }

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>(values.length * 2);
        for (int i = 0; i < values.length; i++) {
            map.put(layout.label(i), values[i]);
        }
        return Collections.unmodifiableMap(map);
    }

    @Override
    public Iterator<Object> iterator() {
        return values().iterator();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RowImpl other && Arrays.deepEquals(values, other.values);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(values);
    }

    /** As a tuple, {@code (1, 'ada')}, the way SQLAlchemy prints rows. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("(");
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                text.append(", ");
            }
            Object v = values[i];
            text.append(v instanceof CharSequence ? "'" + v + "'" : v instanceof byte[] b ? "<" + b.length + " bytes>" : v);
        }
        return text.append(values.length == 1 ? ",)" : ")").toString();
    }
}
