package dev.athanor.impl.orm.flush;

import dev.athanor.impl.dialect.Dialect;
import dev.athanor.impl.engine.ConnectionImpl;
import dev.athanor.impl.orm.mapping.AttributeMapping;
import dev.athanor.impl.orm.mapping.RelationshipMapping;
import dev.athanor.impl.orm.session.InstanceState;
import dev.athanor.schema.Table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes the association rows of many-to-many relationships: the rows of deleted objects cleared, removed pairs
 * deleted, added pairs inserted, each as one batch per table. Both sides of a {@code backPopulates} pair report the
 * same change, so pairs are kept as the set of their column values: a pair is written once, and a pair both removed
 * and added in one flush is not touched.
 */
final class AssociationWriter {
    /** One association table with its columns in a fixed order (names sorted), so both sides give equal rows. */
    private record Shape(Table table, List<String> columns) {
    }

    private final ConnectionImpl connection;
    private final Dialect dialect;

    AssociationWriter(ConnectionImpl connection, Dialect dialect) {
        this.connection = connection;
        this.dialect = dialect;
    }

    void write(FlushPlan plan) {
        for (Map.Entry<RelationshipMapping, List<InstanceState>> clear : plan.associationClears().entrySet()) {
            RelationshipMapping relationship = clear.getKey();
            List<String> columns = relationship.secondaryOwnerColumns();
            List<Object[]> values = new ArrayList<>();
            for (InstanceState owner : clear.getValue()) {
                values.add(keyValues(relationship.ownerColumns(), owner, true));
            }
            connection.executeOrmBatch(delete(relationship.secondary(), columns), values, null);
        }
        Map<Shape, Set<List<Object>>> deletes = rows(plan.associationDeletes(), false);
        Map<Shape, Set<List<Object>>> inserts = rows(plan.associationInserts(), true);
        for (Map.Entry<Shape, Set<List<Object>>> entry : deletes.entrySet()) {
            Set<List<Object>> added = inserts.get(entry.getKey());
            if (added != null) {
                Set<List<Object>> both = new LinkedHashSet<>(entry.getValue());
                both.retainAll(added);
                entry.getValue().removeAll(both);
                added.removeAll(both);
            }
        }
        send(deletes, false);
        send(inserts, true);
    }

    private void send(Map<Shape, Set<List<Object>>> rows, boolean insert) {
        for (Map.Entry<Shape, Set<List<Object>>> entry : rows.entrySet()) {
            if (entry.getValue().isEmpty()) {
                continue;
            }
            Shape shape = entry.getKey();
            List<Object[]> values = new ArrayList<>();
            entry.getValue().forEach(row -> values.add(row.toArray()));
            String sql = insert ? insert(shape.table(), shape.columns()) : delete(shape.table(), shape.columns());
            connection.executeOrmBatch(sql, values, null);
        }
    }

    private static Map<Shape, Set<List<Object>>> rows(List<FlushPlan.AssociationRow> pairs, boolean inserting) {
        Map<Shape, Set<List<Object>>> result = new LinkedHashMap<>();
        for (FlushPlan.AssociationRow pair : pairs) {
            if (inserting && (pair.owner().status() == InstanceState.Status.DELETED
                    || pair.target().status() == InstanceState.Status.DELETED)) {
                continue;
            }
            RelationshipMapping relationship = pair.relationship();
            Map<String, Object> byColumn = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            Object[] owner = keyValues(relationship.ownerColumns(), pair.owner(), !inserting);
            Object[] target = keyValues(relationship.targetColumns(), pair.target(), !inserting);
            for (int i = 0; i < owner.length; i++) {
                byColumn.put(relationship.secondaryOwnerColumns().get(i), owner[i]);
            }
            for (int i = 0; i < target.length; i++) {
                byColumn.put(relationship.secondaryTargetColumns().get(i), target[i]);
            }
            Shape shape = new Shape(relationship.secondary(), List.copyOf(byColumn.keySet()));
            result.computeIfAbsent(shape, s -> new LinkedHashSet<>()).add(Arrays.asList(byColumn.values().toArray()));
        }
        return result;
    }

    /** The referenced column values of one side: as loaded (snapshot) for rows being deleted, else current. */
    private static Object[] keyValues(AttributeMapping[] columns, InstanceState state, boolean asLoaded) {
        Object[] values = new Object[columns.length];
        for (int i = 0; i < columns.length; i++) {
            Object[] snapshot = state.snapshot();
            Object loaded = asLoaded && snapshot != null ? snapshot[columns[i].index()] : null;
            values[i] = columns[i].toDatabase(loaded != null && loaded != InstanceState.UNLOADED ? loaded
                    : columns[i].get(state.entity()));
        }
        return values;
    }

    private String insert(Table table, List<String> columns) {
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(dialect.quoteIdentifier(table.name())).append(" (");
        StringBuilder marks = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(dialect.quoteIdentifier(columns.get(i)));
            marks.append(i == 0 ? "?" : ", ?");
        }
        return sql.append(") VALUES (").append(marks).append(')').toString();
    }

    private String delete(Table table, List<String> columns) {
        StringBuilder sql = new StringBuilder("DELETE FROM ").append(dialect.quoteIdentifier(table.name()))
                .append(" WHERE ");
        for (int i = 0; i < columns.size(); i++) {
            sql.append(i == 0 ? "" : " AND ").append(dialect.quoteIdentifier(columns.get(i))).append(" = ?");
        }
        return sql.toString();
    }
}
