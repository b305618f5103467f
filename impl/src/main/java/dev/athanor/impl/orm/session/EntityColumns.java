package dev.athanor.impl.orm.session;

import dev.athanor.ArgumentError;
import dev.athanor.impl.orm.mapping.AttributeMapping;
import dev.athanor.impl.orm.mapping.EntityMapper;
import dev.athanor.sql.Expression;
import dev.athanor.sql.FromClause;
import dev.athanor.sql.TableAlias;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The columns one query loads for an entity, in select order, where its key is among them, and the columns it leaves
 * unloaded (deferred by mapping or by {@code defer()}, minus those {@code undefer()} brings in).
 */
record EntityColumns(AttributeMapping[] loaded, int[] keyPositions, AttributeMapping[] unloaded) {

    static EntityColumns of(EntityMapper mapper) {
        return new EntityColumns(mapper.loaded(), mapper.keyPositions(), mapper.deferred());
    }

    static EntityColumns of(EntityMapper mapper, Set<AttributeMapping> undefer, Set<AttributeMapping> defer) {
        if (undefer.isEmpty() && defer.isEmpty()) {
            return of(mapper);
        }
        List<AttributeMapping> loaded = new ArrayList<>();
        List<AttributeMapping> unloaded = new ArrayList<>();
        for (AttributeMapping attribute : mapper.attributes()) {
            boolean load = attribute.isDeferred() ? undefer.contains(attribute) : !defer.contains(attribute);
            if (attribute.isPrimaryKey() && !load) {
                throw new ArgumentError("defer(" + attribute.describe() + "): a primary key column is always loaded");
            }
            (load ? loaded : unloaded).add(attribute);
        }
        int[] keys = new int[mapper.primaryKey().length];
        for (int k = 0; k < keys.length; k++) {
            keys[k] = loaded.indexOf(mapper.primaryKey()[k]);
        }
        return new EntityColumns(loaded.toArray(AttributeMapping[]::new), keys,
                unloaded.toArray(AttributeMapping[]::new));
    }

    /** The select list: the loaded columns, of the table or of an alias of it. */
    List<Expression<?>> expressions(FromClause from) {
        List<Expression<?>> columns = new ArrayList<>(loaded.length);
        if (from instanceof TableAlias alias) {
            for (AttributeMapping attribute : loaded) {
                columns.add(alias.columns().get(attribute.index()));
            }
        } else {
            Arrays.stream(loaded).forEach(a -> columns.add(a.column()));
        }
        return columns;
    }

    boolean isDefault(EntityMapper mapper) {
        return loaded == mapper.loaded();
    }
}
