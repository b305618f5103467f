package dev.athanor.impl.schema;

import dev.athanor.Connection;
import dev.athanor.Executable;
import dev.athanor.impl.dialect.Dialects;
import dev.athanor.impl.sql.CompiledStatement;
import dev.athanor.impl.sql.ParamRef;
import dev.athanor.impl.sql.SqlCompiler;
import dev.athanor.schema.MetaData;
import dev.athanor.schema.Table;
import dev.athanor.spi.CompiledSql;
import dev.athanor.spi.CoreServices;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/** The {@link CoreServices} of athanor-impl: statement compilation for inspection, DDL and reflection. */
public final class CoreServicesImpl implements CoreServices {

    @Override
    public CompiledSql compile(Executable statement, String dialect) {
        SqlCompiler compiler = new SqlCompiler(Dialects.forName(dialect), 1);
        CompiledStatement compiled = compiler.compile(statement, Set.of());
        List<Object> walked = compiler.walkValues(statement, Set.of());
        List<Object> params = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int slot : compiled.slots()) {
            Object value = walked.get(slot);
            params.add(value instanceof ParamRef ? null : value);
            names.add(value instanceof ParamRef ref ? ref.name() : null);
        }
        return new CompiledSql(compiled.sql(), Collections.unmodifiableList(params), Collections.unmodifiableList(names));
    }

    @Override
    public void createTables(MetaData metadata, List<Table> tables, Connection connection, boolean checkFirst) {
        new SchemaRunner(connection).create(tables, checkFirst);
    }

    @Override
    public void dropTables(MetaData metadata, List<Table> tables, Connection connection, boolean checkFirst) {
        new SchemaRunner(connection).drop(tables, checkFirst);
    }

    @Override
    public void reflect(MetaData metadata, Connection connection, List<String> names) {
        new Reflector(connection).reflect(metadata, names);
    }
}
