package dev.athanor.impl.schema;

import dev.athanor.Connection;
import dev.athanor.OperationalError;
import dev.athanor.impl.dialect.Dialect;
import dev.athanor.impl.engine.RawSqlExecutor;
import dev.athanor.schema.ColumnDef;
import dev.athanor.schema.ForeignKey;
import dev.athanor.schema.Index;
import dev.athanor.schema.MetaData;
import dev.athanor.schema.ReferentialAction;
import dev.athanor.schema.Schema;
import dev.athanor.schema.SqlType;
import dev.athanor.schema.SqlTypes;
import dev.athanor.schema.TableElement;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads tables from the database through JDBC metadata into a {@link MetaData} (SQLAlchemy's reflection): columns
 * with types, nullability, defaults and identity; primary keys; foreign keys with their actions; indexes. Names the
 * database folded to upper case (H2) come back in lower case.
 */
final class Reflector {
    private final java.sql.Connection jdbc;
    private final Dialect dialect;

    Reflector(Connection connection) {
        this.jdbc = connection.unwrap(java.sql.Connection.class);
        this.dialect = ((RawSqlExecutor) connection).dialect();
    }

    void reflect(MetaData metadata, List<String> names) {
        try {
            DatabaseMetaData meta = jdbc.getMetaData();
            Map<String, String> stored = tableNames(meta); // normalized name -> name as stored
            Deque<String> pending = new ArrayDeque<>();
            if (names == null) {
                pending.addAll(stored.keySet());
            } else {
                for (String name : names) {
                    String normalized = normalize(name);
                    if (!stored.containsKey(normalized)) {
                        throw new dev.athanor.ArgumentError("no table '" + name + "' in the database; it has "
                                + stored.keySet());
                    }
                    pending.add(normalized);
                }
            }
            Set<String> done = new LinkedHashSet<>();
            while (!pending.isEmpty()) {
                String name = pending.poll();
                if (!done.add(name)) {
                    continue;
                }
                List<TableElement> elements = readTable(meta, stored.get(name));
                for (TableElement element : elements) {
                    if (element instanceof ForeignKey fk && stored.containsKey(fk.targetTable())) {
                        pending.add(fk.targetTable());
                    }
                }
                metadata.addTable(name, elements);
            }
        } catch (SQLException e) {
            throw new OperationalError("cannot reflect tables: " + e.getMessage(), null, null, e.getSQLState(),
                    e.getErrorCode(), e);
        }
    }

    private Map<String, String> tableNames(DatabaseMetaData meta) throws SQLException {
        Map<String, String> names = new TreeMap<>();
        try (ResultSet rs = meta.getTables(jdbc.getCatalog(), SchemaRunner.schemaOf(jdbc), "%",
                new String[] {"TABLE", "BASE TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME");
                names.put(normalize(name), name);
            }
        }
        return names;
    }

    private String normalize(String name) {
        return dialect.normalizeLabel(name);
    }

    private List<TableElement> readTable(DatabaseMetaData meta, String table) throws SQLException {
        String catalog = jdbc.getCatalog();
        String schema = SchemaRunner.schemaOf(jdbc);
        List<String> primaryKey = primaryKey(meta, catalog, schema, table);
        List<TableElement> elements = new ArrayList<>();
        try (ResultSet rs = meta.getColumns(catalog, schema, table, "%")) {
            while (rs.next()) {
                String name = normalize(rs.getString("COLUMN_NAME"));
                SqlType<?> type = type(rs.getInt("DATA_TYPE"), rs.getString("TYPE_NAME"), rs.getInt("COLUMN_SIZE"),
                        rs.getInt("DECIMAL_DIGITS"));
                ColumnDef<?> column = Schema.column(name, type)
                        .nullable(rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls);
                boolean identity = "YES".equalsIgnoreCase(rs.getString("IS_AUTOINCREMENT"));
                column = column.autoincrement(identity);
                String serverDefault = rs.getString("COLUMN_DEF");
                if (serverDefault != null && !identity && !serverDefault.isBlank()
                        && !serverDefault.equalsIgnoreCase("NULL")) {
                    column = column.serverDefault(serverDefault.strip());
                }
                if (primaryKey.size() == 1 && primaryKey.get(0).equals(name)) {
                    column = column.primaryKey();
                }
                elements.add(column);
            }
        }
        if (primaryKey.size() > 1) {
            elements.add(Schema.primaryKey(primaryKey.toArray(String[]::new)));
        }
        elements.addAll(foreignKeys(meta, catalog, schema, table));
        elements.addAll(indexes(meta, catalog, schema, table, primaryKey));
        return elements;
    }

    private List<String> primaryKey(DatabaseMetaData meta, String catalog, String schema, String table)
            throws SQLException {
        Map<Integer, String> columns = new TreeMap<>();
        try (ResultSet rs = meta.getPrimaryKeys(catalog, schema, table)) {
            while (rs.next()) {
                columns.put(rs.getInt("KEY_SEQ"), normalize(rs.getString("COLUMN_NAME")));
            }
        }
        return new ArrayList<>(columns.values());
    }

    private List<ForeignKey> foreignKeys(DatabaseMetaData meta, String catalog, String schema, String table)
            throws SQLException {
        Map<String, List<String[]>> byName = new LinkedHashMap<>();
        Map<String, short[]> rules = new LinkedHashMap<>();
        try (ResultSet rs = meta.getImportedKeys(catalog, schema, table)) {
            while (rs.next()) {
                String name = rs.getString("FK_NAME");
                String key = name != null ? name : rs.getString("PKTABLE_NAME");
                byName.computeIfAbsent(key, k -> new ArrayList<>()).add(new String[] {
                        normalize(rs.getString("FKCOLUMN_NAME")), normalize(rs.getString("PKTABLE_NAME")),
                        normalize(rs.getString("PKCOLUMN_NAME")), String.valueOf(rs.getInt("KEY_SEQ"))});
                rules.put(key, new short[] {rs.getShort("DELETE_RULE"), rs.getShort("UPDATE_RULE")});
            }
        }
        List<ForeignKey> keys = new ArrayList<>();
        byName.forEach((name, parts) -> {
            parts.sort((a, b) -> Integer.compare(Integer.parseInt(a[3]), Integer.parseInt(b[3])));
            short[] rule = rules.get(name);
            keys.add(new ForeignKey(normalize(name), parts.stream().map(p -> p[0]).toList(), parts.get(0)[1],
                    parts.stream().map(p -> p[2]).toList(), action(rule[0]), action(rule[1])));
        });
        return keys;
    }

    private List<Index> indexes(DatabaseMetaData meta, String catalog, String schema, String table,
            List<String> primaryKey) throws SQLException {
        Map<String, TreeMap<Integer, String>> columns = new LinkedHashMap<>();
        Map<String, Boolean> unique = new LinkedHashMap<>();
        try (ResultSet rs = meta.getIndexInfo(catalog, schema, table, false, false)) {
            while (rs.next()) {
                String name = rs.getString("INDEX_NAME");
                String column = rs.getString("COLUMN_NAME");
                if (name == null || column == null) {
                    continue;
                }
                columns.computeIfAbsent(name, k -> new TreeMap<>()).put((int) rs.getShort("ORDINAL_POSITION"),
                        normalize(column));
                unique.put(name, !rs.getBoolean("NON_UNIQUE"));
            }
        }
        List<Index> indexes = new ArrayList<>();
        columns.forEach((name, cols) -> {
            List<String> names = new ArrayList<>(cols.values());
            if (!names.equals(primaryKey)) { // the primary key's own index is part of the key
                indexes.add(new Index(normalize(name), names, unique.get(name)));
            }
        });
        return indexes;
    }

    private static ReferentialAction action(short rule) {
        return switch (rule) {
            case DatabaseMetaData.importedKeyCascade -> ReferentialAction.CASCADE;
            case DatabaseMetaData.importedKeySetNull -> ReferentialAction.SET_NULL;
            case DatabaseMetaData.importedKeySetDefault -> ReferentialAction.SET_DEFAULT;
            case DatabaseMetaData.importedKeyRestrict -> ReferentialAction.RESTRICT;
            default -> null; // NO ACTION is what no clause means
        };
    }

    /** The API type of a column, from its JDBC type and the database's type name. */
    static SqlType<?> type(int jdbcType, String typeName, int size, int digits) {
        String name = typeName == null ? "" : typeName.toLowerCase(Locale.ROOT);
        if (name.equals("uuid")) {
            return SqlTypes.UUID;
        }
        if (name.equals("json") || name.equals("jsonb")) {
            return SqlTypes.JSON;
        }
        if (name.equals("text") || name.contains("clob") || name.equals("longtext") || name.contains("character large")) {
            return SqlTypes.TEXT;
        }
        if (name.equals("bytea") || name.contains("blob") || name.contains("binary large")) {
            return SqlTypes.BLOB;
        }
        if (name.contains("timestamptz") || name.contains("time zone")) {
            return SqlTypes.TIMESTAMP_WITH_TIME_ZONE;
        }
        return switch (jdbcType) {
            case Types.INTEGER -> SqlTypes.INTEGER;
            case Types.BIGINT -> SqlTypes.BIGINT;
            case Types.SMALLINT, Types.TINYINT -> SqlTypes.SMALLINT;
            case Types.BOOLEAN, Types.BIT -> SqlTypes.BOOLEAN;
            case Types.VARCHAR, Types.CHAR, Types.NVARCHAR, Types.NCHAR ->
                    size > 0 && size < 1_000_000 ? SqlTypes.varchar(size) : SqlTypes.TEXT;
            case Types.LONGVARCHAR, Types.LONGNVARCHAR, Types.CLOB, Types.NCLOB -> SqlTypes.TEXT;
            case Types.NUMERIC, Types.DECIMAL -> size > 0 && size <= 1000 ? SqlTypes.numeric(size, Math.max(digits, 0))
                    : SqlTypes.NUMERIC;
            case Types.REAL, Types.FLOAT -> name.contains("8") || name.contains("double") ? SqlTypes.DOUBLE : SqlTypes.REAL;
            case Types.DOUBLE -> SqlTypes.DOUBLE;
            case Types.DATE -> SqlTypes.DATE;
            case Types.TIME, Types.TIME_WITH_TIMEZONE -> SqlTypes.TIME;
            case Types.TIMESTAMP -> SqlTypes.TIMESTAMP;
            case Types.TIMESTAMP_WITH_TIMEZONE -> SqlTypes.TIMESTAMP_WITH_TIME_ZONE;
            case Types.BINARY, Types.VARBINARY -> size > 0 && size < 1_000_000 ? SqlTypes.binary(size) : SqlTypes.BLOB;
            case Types.LONGVARBINARY, Types.BLOB -> SqlTypes.BLOB;
            default -> SqlTypes.NULLTYPE;
        };
    }
}
