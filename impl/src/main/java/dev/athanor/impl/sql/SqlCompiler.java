package dev.athanor.impl.sql;

import dev.athanor.ArgumentError;
import dev.athanor.CompoundSelect;
import dev.athanor.Delete;
import dev.athanor.Executable;
import dev.athanor.Insert;
import dev.athanor.Select;
import dev.athanor.Update;
import dev.athanor.impl.dialect.Dialect;
import dev.athanor.sql.Expression;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compiles statements of the expression language for one dialect, with SQLAlchemy's compiled cache: each execution
 * walks the statement once in key mode (structure tokens and bind values, no SQL text); a cache hit reuses the SQL
 * compiled for that shape, and only a miss renders SQL. Literal values are binds, never part of the key, so the
 * same query with other values is not compiled again. The cache is bounded.
 */
public final class SqlCompiler {
    private final Dialect dialect;
    private final int capacity;
    private final Map<List<Object>, CompiledStatement> cache;

    public SqlCompiler(Dialect dialect, int capacity) {
        this.dialect = dialect;
        this.capacity = capacity;
        this.cache = new ConcurrentHashMap<>(Math.max(16, Math.min(capacity, 1024)));
    }

    /** A compiled statement with the values for one execution. */
    public record Binding(CompiledStatement compiled, Object[] values) {
    }

    /**
     * Compiles (or finds in the cache) and binds {@code statement} with {@code parameters} (null for none).
     *
     * @throws ArgumentError before anything is sent: a column outside FROM, an unknown or missing parameter
     */
    public Binding bind(Executable statement, Map<String, ?> parameters) {
        Set<String> names = parameters == null ? Set.of() : parameters.keySet();
        boolean reusable = !REUSABLE.isEmpty() && REUSABLE.contains(statement);
        if (reusable) {
            Walk walk = walks.get(statement);
            if (walk != null && walk.names().equals(names)) {
                return new Binding(walk.compiled(), values(walk.compiled(), walk.walked(), parameters, names, statement));
            }
        }
        SqlWriter key = SqlWriter.forKey(dialect);
        render(new RenderContext(key, names), statement);
        CompiledStatement compiled = cache.get(key.tokens());
        if (compiled == null) {
            compiled = compile(statement, names);
            store(key.tokens(), compiled);
        }
        if (reusable) {
            walks.put(statement, new Walk(compiled, key.values(), new java.util.HashSet<>(names)));
        }
        return new Binding(compiled, values(compiled, key.values(), parameters, names, statement));
    }

    /**
     * Statements that are executed again and again as the same object, with their values as named parameters (the
     * ORM's get-by-key select, built once per entity). Statements are immutable, so the key walk of such a statement
     * gives the same tokens and values every time: {@link #bind} keeps the walk per statement and skips it (a fifth
     * of a get-by-key on H2). Weak: a statement of a class that is unloaded goes with it.
     */
    private static final Set<Executable> REUSABLE =
            Collections.synchronizedSet(Collections.newSetFromMap(new java.util.WeakHashMap<>()));

    /** The walks of {@link #REUSABLE} statements for this dialect. */
    private final Map<Executable, Walk> walks = Collections.synchronizedMap(new java.util.WeakHashMap<>());

    private record Walk(CompiledStatement compiled, List<Object> walked, Set<String> names) {
    }

    /**
     * Marks {@code statement} as executed many times as this same object (its values given as parameters), so that
     * its key walk is done once per dialect; returns it.
     */
    public static <S extends Executable> S reusable(S statement) {
        REUSABLE.add(statement);
        return statement;
    }

    /** Renders SQL for {@code statement} without the cache (for inspection, and on a cache miss). */
    public CompiledStatement compile(Executable statement, Set<String> parameterNames) {
        SqlWriter writer = SqlWriter.forSql(dialect);
        List<Expression<?>> resultColumns = render(new RenderContext(writer, parameterNames), statement);
        return new CompiledStatement(writer.sql(), writer.slots(), resultColumns);
    }

    /** The values in the key walk's order, named parameters not yet resolved (for inspection). */
    public List<Object> walkValues(Executable statement, Set<String> parameterNames) {
        SqlWriter key = SqlWriter.forKey(dialect);
        render(new RenderContext(key, parameterNames), statement);
        return key.values();
    }

    private static List<Expression<?>> render(RenderContext ctx, Executable statement) {
        if (statement instanceof Select<?> select) {
            ctx.selects.topLevel(select);
            return select.columns();
        }
        if (statement instanceof CompoundSelect compound) {
            ctx.selects.topLevel(compound);
            return firstSelect(compound).columns();
        }
        if (statement instanceof Insert insert) {
            ctx.dml.insert(insert);
            return insert.returningColumns();
        }
        if (statement instanceof Update update) {
            ctx.dml.update(update);
            return update.returningColumns();
        }
        if (statement instanceof Delete delete) {
            ctx.dml.delete(delete);
            return delete.returningColumns();
        }
        throw new ArgumentError("cannot compile " + statement.getClass().getName());
    }

    private static Select<?> firstSelect(CompoundSelect compound) {
        Object first = compound.selects().get(0);
        return first instanceof CompoundSelect c ? firstSelect(c) : (Select<?>) first;
    }

    private static Object[] values(CompiledStatement compiled, List<Object> walked, Map<String, ?> parameters,
            Set<String> names, Executable statement) {
        int[] slots = compiled.slots();
        Object[] values = new Object[slots.length];
        Set<String> used = names.isEmpty() ? Set.of() : new java.util.HashSet<>();
        for (int i = 0; i < slots.length; i++) {
            Object value = walked.get(slots[i]);
            if (value instanceof ParamRef ref) {
                if (parameters == null || !parameters.containsKey(ref.name())) {
                    throw new ArgumentError("a value is required for parameter '" + ref.name() + "' of: "
                            + compiled.sql(), null, "missing-bind");
                }
                value = parameters.get(ref.name());
                used.add(ref.name());
            }
            values[i] = value;
        }
        if (used.size() < names.size()) {
            List<String> unknown = new ArrayList<>(names);
            unknown.removeAll(used);
            throw new ArgumentError("no parameter named " + unknown + " in: " + compiled.sql(), null, "missing-bind");
        }
        return values;
    }

    private void store(List<Object> key, CompiledStatement compiled) {
        if (cache.size() >= capacity) {
            // Bounded: drop about a tenth of the entries (arbitrary ones) rather than grow without limit.
            Iterator<List<Object>> keys = cache.keySet().iterator();
            for (int i = 0; i <= capacity / 10 && keys.hasNext(); i++) {
                keys.next();
                keys.remove();
            }
        }
        cache.put(Collections.unmodifiableList(key), compiled);
    }

    /** How many compiled forms are cached (for tests and metrics). */
    public int cacheSize() {
        return cache.size();
    }
}
