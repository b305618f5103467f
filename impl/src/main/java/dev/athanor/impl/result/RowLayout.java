package dev.athanor.impl.result;

import dev.athanor.ArgumentError;
import dev.athanor.schema.Column;
import dev.athanor.sql.Expression;
import dev.athanor.sql.Label;
import dev.athanor.impl.dialect.ColumnReader;
import dev.athanor.impl.dialect.Dialect;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The shape of a result's rows, computed once per result: labels, a reader per column, and (built on the first
 * lookup by name) the label index. Rows share their layout, so a lookup by name costs one hash probe per row.
 */
public final class RowLayout {
    private static final int AMBIGUOUS = -1;

    private final String[] labels;
    private final ColumnReader[] readers;
    private final List<String> keys;
    private final List<? extends Expression<?>> expressions;
    private Map<String, Integer> exact;
    private Map<String, Integer> folded;

    private RowLayout(String[] labels, ColumnReader[] readers, List<? extends Expression<?>> expressions) {
        this.labels = labels;
        this.readers = readers;
        this.keys = List.of(labels);
        this.expressions = expressions;
    }

    public static RowLayout of(ResultSet rs, Dialect dialect) throws SQLException {
        return of(rs, dialect, List.of());
    }

    /** The layout of a statement's result; {@code expressions} are what it selected, for {@code row.get(column)}. */
    public static RowLayout of(ResultSet rs, Dialect dialect, List<? extends Expression<?>> expressions)
            throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        int count = meta.getColumnCount();
        String[] labels = new String[count];
        ColumnReader[] readers = new ColumnReader[count];
        for (int i = 0; i < count; i++) {
            labels[i] = dialect.normalizeLabel(meta.getColumnLabel(i + 1));
            readers[i] = dialect.columnReader(meta.getColumnType(i + 1), meta.getColumnTypeName(i + 1));
        }
        return new RowLayout(labels, readers, expressions.size() == count ? expressions : List.of());
    }

    /** Reads the current row of {@code rs}. */
    Object[] read(ResultSet rs) throws SQLException {
        Object[] values = new Object[readers.length];
        for (int i = 0; i < readers.length; i++) {
            values[i] = readers[i].read(rs, i + 1);
        }
        return values;
    }

    public int size() {
        return labels.length;
    }

    public String label(int index) {
        return labels[index];
    }

    public List<String> keys() {
        return keys;
    }

    /** The index of a label, case-insensitively; -1 if absent, and an error if two columns share it. */
    public int find(String label) {
        if (exact == null) {
            buildIndex();
        }
        Integer index = exact.get(label);
        if (index == null) {
            index = folded.get(label.toLowerCase(Locale.ROOT));
        }
        if (index == null) {
            return -1;
        }
        if (index == AMBIGUOUS) {
            throw new ArgumentError("ambiguous column name '" + label + "': several columns of the result have it "
                    + keys + "; give them distinct labels (AS ...) or read by position");
        }
        return index;
    }

    /** The index of a selected expression: the same object, else a column's name or a label's. */
    public int indexOf(Expression<?> expression) {
        for (int i = 0; i < expressions.size(); i++) {
            if (expressions.get(i) == expression || expressions.get(i).equals(expression)) {
                return i;
            }
        }
        Expression<?> node = expression.node();
        for (int i = 0; i < expressions.size(); i++) {
            if (expressions.get(i).node() == node) {
                return i;
            }
        }
        if (node instanceof Label<?> label) {
            return indexOf(label.name());
        }
        if (node instanceof Column<?> column) {
            return indexOf(column.name());
        }
        throw new ArgumentError("this result has no column for " + expression + "; its columns are " + keys);
    }

    /** The index of a label, or an error listing the labels there are. */
    public int indexOf(String label) {
        int index = find(label);
        if (index < 0) {
            throw new ArgumentError("no column named '" + label + "' in this result; its columns are " + keys);
        }
        return index;
    }

    private void buildIndex() {
        Map<String, Integer> byLabel = new HashMap<>(labels.length * 2);
        Map<String, Integer> byFolded = new HashMap<>(labels.length * 2);
        for (int i = 0; i < labels.length; i++) {
            byLabel.merge(labels[i], i, (a, b) -> AMBIGUOUS);
            byFolded.merge(labels[i].toLowerCase(Locale.ROOT), i, (a, b) -> AMBIGUOUS);
        }
        folded = byFolded;
        exact = byLabel;
    }
}
