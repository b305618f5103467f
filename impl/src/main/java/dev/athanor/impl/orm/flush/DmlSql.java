package dev.athanor.impl.orm.flush;

import dev.athanor.impl.dialect.Dialect;
import dev.athanor.impl.orm.mapping.AttributeMapping;
import dev.athanor.impl.orm.mapping.EntityMapper;
import dev.athanor.schema.SqlType;

import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SQL text of the unit of work's statements, built once per entity, dialect and shape (the set of columns
 * written) and cached: a flush of 10,000 rows builds its INSERT once.
 */
final class DmlSql {
    private record Key(EntityMapper mapper, String dialect, char kind, BitSet columns) {
    }

    private static final Map<Key, String> CACHE = new ConcurrentHashMap<>();
    private static final int MAX_ENTRIES = 10_000;

    private DmlSql() {
    }

    private static String cached(Key key, java.util.function.Supplier<String> build) {
        String sql = CACHE.get(key);
        if (sql == null) {
            sql = build.get();
            if (CACHE.size() < MAX_ENTRIES) {
                CACHE.put(key, sql);
            }
        }
        return sql;
    }

    /** {@code INSERT INTO t (a, b) VALUES (?, ?)} for the columns set in {@code columns}. */
    static String insert(EntityMapper mapper, Dialect dialect, BitSet columns) {
        return cached(new Key(mapper, dialect.name(), 'I', columns), () -> {
            StringBuilder sql = new StringBuilder("INSERT INTO ").append(dialect.quoteIdentifier(mapper.table().name()));
            if (columns.isEmpty()) {
                return sql.append(dialect.emptyInsertValues()).toString();
            }
            StringBuilder values = new StringBuilder();
            sql.append(" (");
            AttributeMapping[] attributes = mapper.attributes();
            for (int i = columns.nextSetBit(0); i >= 0; i = columns.nextSetBit(i + 1)) {
                boolean first = values.length() == 0;
                sql.append(first ? "" : ", ").append(dialect.quoteIdentifier(attributes[i].columnName()));
                values.append(first ? "" : ", ").append(placeholder(attributes[i], dialect));
            }
            return sql.append(") VALUES (").append(values).append(')').toString();
        });
    }

    /**
     * {@code UPDATE t SET a = ?, b = ?[, c = <onUpdate>][, version = ?] WHERE pk = ?[ AND version = ?]}: the changed
     * columns, the onUpdate SQL of the columns not set, the version.
     */
    static String update(EntityMapper mapper, Dialect dialect, BitSet changed) {
        return cached(new Key(mapper, dialect.name(), 'U', changed), () -> {
            StringBuilder sql = new StringBuilder("UPDATE ").append(dialect.quoteIdentifier(mapper.table().name()))
                    .append(" SET ");
            AttributeMapping[] attributes = mapper.attributes();
            boolean first = true;
            for (int i = changed.nextSetBit(0); i >= 0; i = changed.nextSetBit(i + 1)) {
                sql.append(first ? "" : ", ").append(dialect.quoteIdentifier(attributes[i].columnName())).append(" = ")
                        .append(placeholder(attributes[i], dialect));
                first = false;
            }
            for (AttributeMapping attribute : onUpdateColumns(mapper, changed)) {
                sql.append(first ? "" : ", ").append(dialect.quoteIdentifier(attribute.columnName())).append(" = ")
                        .append(attribute.onUpdateSql());
                first = false;
            }
            if (mapper.version() != null) {
                sql.append(first ? "" : ", ").append(dialect.quoteIdentifier(mapper.version().columnName()))
                        .append(" = ?");
            }
            return sql.append(whereKey(mapper, dialect)).toString();
        });
    }

    /**
     * {@code UPDATE t SET a = ?, b = ? WHERE pk = ?}: foreign keys written after the INSERTs (rows that refer to each
     * other) or cleared before the DELETEs; no version or onUpdate columns.
     */
    static String setColumns(EntityMapper mapper, Dialect dialect, BitSet columns) {
        return cached(new Key(mapper, dialect.name(), 'S', columns), () -> {
            StringBuilder sql = new StringBuilder("UPDATE ").append(dialect.quoteIdentifier(mapper.table().name()))
                    .append(" SET ");
            AttributeMapping[] attributes = mapper.attributes();
            boolean first = true;
            for (int i = columns.nextSetBit(0); i >= 0; i = columns.nextSetBit(i + 1)) {
                sql.append(first ? "" : ", ").append(dialect.quoteIdentifier(attributes[i].columnName())).append(" = ")
                        .append(placeholder(attributes[i], dialect));
                first = false;
            }
            StringBuilder where = new StringBuilder(" WHERE ");
            AttributeMapping[] key = mapper.primaryKey();
            for (int i = 0; i < key.length; i++) {
                where.append(i == 0 ? "" : " AND ").append(dialect.quoteIdentifier(key[i].columnName())).append(" = ?");
            }
            return sql.append(where).toString();
        });
    }

    /** {@code DELETE FROM t WHERE pk = ?[ AND version = ?]}. */
    static String delete(EntityMapper mapper, Dialect dialect) {
        return cached(new Key(mapper, dialect.name(), 'D', new BitSet()), () -> "DELETE FROM "
                + dialect.quoteIdentifier(mapper.table().name()) + whereKey(mapper, dialect));
    }

    /** The columns whose {@code onUpdate} SQL an UPDATE sets: those with one that the update does not set itself. */
    static List<AttributeMapping> onUpdateColumns(EntityMapper mapper, BitSet changed) {
        List<AttributeMapping> withOnUpdate = mapper.onUpdateColumns();
        if (withOnUpdate.isEmpty()) {
            return withOnUpdate;
        }
        List<AttributeMapping> result = new java.util.ArrayList<>(withOnUpdate.size());
        for (AttributeMapping attribute : withOnUpdate) {
            if (!changed.get(attribute.index())) {
                result.add(attribute);
            }
        }
        return result;
    }

    private static String whereKey(EntityMapper mapper, Dialect dialect) {
        StringBuilder sql = new StringBuilder(" WHERE ");
        boolean first = true;
        for (AttributeMapping pk : mapper.primaryKey()) {
            sql.append(first ? "" : " AND ").append(dialect.quoteIdentifier(pk.columnName())).append(" = ?");
            first = false;
        }
        if (mapper.version() != null) {
            sql.append(" AND ").append(dialect.quoteIdentifier(mapper.version().columnName())).append(" = ?");
        }
        return sql.toString();
    }

    private static String placeholder(AttributeMapping attribute, Dialect dialect) {
        return attribute.column().type().kind() == SqlType.Kind.JSON ? dialect.jsonBindExpression() : "?";
    }
}
