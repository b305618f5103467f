package dev.athanor.spi;

import dev.athanor.AthanorException;
import dev.athanor.Connection;
import dev.athanor.Executable;
import dev.athanor.schema.MetaData;
import dev.athanor.schema.Table;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * What the API needs from the implementation beyond engines: compiling statements (for {@code toString()} and
 * {@code compile(dialect)}) and running schema DDL and reflection. Registered in
 * {@code META-INF/services/dev.athanor.spi.CoreServices}.
 *
 * {@snippet :
 * CoreServices.get().compile(select(users), "postgresql").sql();
 * }
 */
public interface CoreServices {

    /** The statement compiled for a dialect ({@code h2}, {@code postgresql}, {@code mariadb}). */
    CompiledSql compile(Executable statement, String dialect);

    /** Creates tables (in foreign key order, with indexes; cycles closed with ALTER TABLE). */
    void createTables(MetaData metadata, List<Table> tables, Connection connection, boolean checkFirst);

    /** Drops tables (dependents first). */
    void dropTables(MetaData metadata, List<Table> tables, Connection connection, boolean checkFirst);

    /** Reads tables from the database into {@code metadata}; {@code names} null means every table. */
    void reflect(MetaData metadata, Connection connection, List<String> names);

    /** The implementation on the class path. */
    static CoreServices get() {
        return Holder.INSTANCE;
    }

    /**
     * Orders tables so that each comes after the tables it refers to; tables in a cycle keep their given order.
     * Pure: no implementation needed.
     */
    static List<Table> sortByDependency(Collection<Table> tables) {
        Map<String, Table> byName = new LinkedHashMap<>();
        for (Table table : tables) {
            byName.put(table.name(), table);
        }
        Set<String> done = new LinkedHashSet<>();
        Set<String> visiting = new LinkedHashSet<>();
        List<Table> sorted = new ArrayList<>();
        for (Table table : byName.values()) {
            visit(table, byName, done, visiting, sorted);
        }
        return sorted;
    }

    private static void visit(Table table, Map<String, Table> byName, Set<String> done, Set<String> visiting,
            List<Table> sorted) {
        if (done.contains(table.name()) || !visiting.add(table.name())) {
            return; // done, or a cycle: its other tables keep declaration order
        }
        for (String target : table.referencedTables()) {
            Table referenced = byName.get(target);
            if (referenced != null && referenced != table) {
                visit(referenced, byName, done, visiting, sorted);
            }
        }
        visiting.remove(table.name());
        if (done.add(table.name())) {
            sorted.add(table);
        }
    }

    /** Lazy holder: the implementation is looked up on first use. */
    final class Holder {
        private Holder() {
        }

        static final CoreServices INSTANCE = ServiceLoader.load(CoreServices.class, CoreServices.class.getClassLoader())
                .findFirst().orElseGet(Missing::new);
    }

    /** Stands in when no implementation is on the class path, failing with the fix. */
    final class Missing implements CoreServices {
        private static AthanorException error() {
            return new AthanorException("no Athanor implementation on the class path: add the dependency "
                    + "dev.athanor:athanor-impl", null, "no-provider");
        }

        @Override
        public CompiledSql compile(Executable statement, String dialect) {
            throw error();
        }

        @Override
        public void createTables(MetaData metadata, List<Table> tables, Connection connection, boolean checkFirst) {
            throw error();
        }

        @Override
        public void dropTables(MetaData metadata, List<Table> tables, Connection connection, boolean checkFirst) {
            throw error();
        }

        @Override
        public void reflect(MetaData metadata, Connection connection, List<String> names) {
            throw error();
        }
    }
}
