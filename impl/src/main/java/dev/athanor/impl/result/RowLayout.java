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
import java.util.Map;

/**
 * The shape of a result's rows, computed once per result: labels, a reader per column, and what a lookup by name
 * needs. A label resolves to the column it equals exactly, else to the column it equals ignoring case
 * ({@link String#equalsIgnoreCase}); it is ambiguous if two columns have that label.
 *
 * <p>Results of up to {@value #SCAN_LIMIT} columns (nearly all) resolve a label by scanning the label array: no map
 * is built, and the ambiguity of each column's label (an exact duplicate, a duplicate ignoring case) is worked out
 * once here, in two bit masks that are zero unless the result has duplicate labels. A label found by an exact match
 * replaces the driver's (equal) string in the array, so the same string passed again, as a literal is on every row,
 * is found by identity. Wider results build two hash maps on the first lookup by name.
 */
public final class RowLayout {
    private static final int AMBIGUOUS = -1;
    /** Up to this many columns, a label is found by scanning; must stay at most 32 (one bit per column in an int). */
    private static final int SCAN_LIMIT = 16;

    private final String[] labels;
    private final ColumnReader[] readers;
    private final List<String> keys;
    private final List<? extends Expression<?>> expressions;
    /** Narrow results: bit i is set if another column's label equals {@code labels[i]} exactly. */
    private final int exactDuplicates;
    /** Narrow results: bit i is set if another column's label equals {@code labels[i]} ignoring case. */
    private final int foldedDuplicates;
    /** Wide results: the label maps, built on the first lookup by name (immutable once built). */
    private LabelIndex index;

    /** This layout for a result of the same SQL that selected {@code selected} (the labels and readers shared). */
    public RowLayout withExpressions(List<? extends Expression<?>> selected) {
        List<? extends Expression<?>> wanted = selected.size() == labels.length ? selected : List.of();
        return wanted == expressions ? this : new RowLayout(this, wanted);
    }

    private RowLayout(RowLayout shape, List<? extends Expression<?>> expressions) {
        this.labels = shape.labels;
        this.readers = shape.readers;
        this.keys = shape.keys;
        this.expressions = expressions;
        this.exactDuplicates = shape.exactDuplicates;
        this.foldedDuplicates = shape.foldedDuplicates;
        this.index = shape.index;
    }

    private RowLayout(String[] labels, ColumnReader[] readers, List<? extends Expression<?>> expressions) {
        this.labels = labels;
        this.readers = readers;
        this.keys = List.of(labels);
        this.expressions = expressions;
        int exact = 0;
        int folded = 0;
        if (labels.length <= SCAN_LIMIT) {
            for (int i = 0; i < labels.length; i++) {
                for (int j = i + 1; j < labels.length; j++) {
                    if (labels[i].equalsIgnoreCase(labels[j])) {
                        int bits = (1 << i) | (1 << j);
                        folded |= bits;
                        if (labels[i].equals(labels[j])) {
                            exact |= bits;
                        }
                    }
                }
            }
        }
        this.exactDuplicates = exact;
        this.foldedDuplicates = folded;
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
    void readInto(ResultSet rs, Object[] values) throws SQLException {
        for (int i = 0; i < readers.length; i++) {
            values[i] = readers[i].read(rs, i + 1);
        }
    }

    Object[] read(ResultSet rs) throws SQLException {
        Object[] values = new Object[readers.length];
        readInto(rs, values);
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
        String[] labels = this.labels;
        if (labels.length > SCAN_LIMIT) {
            return findInIndex(label);
        }
        // Callers mostly pass string literals, the same instance on every row: after the first row, an identity
        // scan finds them (the exact pass below stores the caller's instance in place of the driver's).
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == label) {
                if ((exactDuplicates & (1 << i)) != 0) {
                    throw ambiguous(label);
                }
                return i;
            }
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i].equals(label)) {
                if ((exactDuplicates & (1 << i)) != 0) {
                    throw ambiguous(label);
                }
                labels[i] = label; // an equal string; a racing reader sees one or the other, both right
                return i;
            }
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i].equalsIgnoreCase(label)) {
                // No column equals the label exactly; if another column's label equals this one ignoring case,
                // it equals the label ignoring case too.
                if ((foldedDuplicates & (1 << i)) != 0) {
                    throw ambiguous(label);
                }
                return i;
            }
        }
        return -1;
    }

    private int findInIndex(String label) {
        if (label == null) {
            return -1; // as the scan answers
        }
        LabelIndex index = this.index;
        if (index == null) {
            index = new LabelIndex(labels);
            this.index = index;
        }
        Integer found = index.exact.get(label);
        if (found == null) {
            found = index.folded.get(fold(label));
        }
        if (found == null) {
            return -1;
        }
        if (found == AMBIGUOUS) {
            throw ambiguous(label);
        }
        return found;
    }

    private ArgumentError ambiguous(String label) {
        return new ArgumentError("ambiguous column name '" + label + "': several columns of the result have it "
                + keys + "; give them distinct labels (AS ...) or read by position");
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

    /**
     * A key equal for two strings exactly when {@link String#equalsIgnoreCase} holds between them (which compares
     * {@code toLowerCase(toUpperCase(c))} code point by code point), so the wide path matches as the scan does.
     */
    private static String fold(String label) {
        StringBuilder folded = null;
        for (int i = 0; i < label.length(); ) {
            int c = label.codePointAt(i);
            int f = Character.toLowerCase(Character.toUpperCase(c));
            if (f != c && folded == null) {
                folded = new StringBuilder(label.length()).append(label, 0, i);
            }
            if (folded != null) {
                folded.appendCodePoint(f);
            }
            i += Character.charCount(c);
        }
        return folded == null ? label : folded.toString();
    }

    /** The label maps of a wide result: exact label, and folded label, to the column index or {@link #AMBIGUOUS}. */
    private static final class LabelIndex {
        final Map<String, Integer> exact;
        final Map<String, Integer> folded;

        LabelIndex(String[] labels) {
            Map<String, Integer> byLabel = new HashMap<>(labels.length * 2);
            Map<String, Integer> byFolded = new HashMap<>(labels.length * 2);
            for (int i = 0; i < labels.length; i++) {
                byLabel.merge(labels[i], i, (a, b) -> AMBIGUOUS);
                byFolded.merge(fold(labels[i]), i, (a, b) -> AMBIGUOUS);
            }
            exact = byLabel;
            folded = byFolded;
        }
    }
}
