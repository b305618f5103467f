package dev.athanor.impl.orm.session;

import dev.athanor.ArgumentError;
import dev.athanor.Delete;
import dev.athanor.ExecutionOption;
import dev.athanor.Result;
import dev.athanor.Row;
import dev.athanor.Sql;
import dev.athanor.Update;
import dev.athanor.impl.orm.mapping.AttributeMapping;
import dev.athanor.impl.orm.mapping.EntityMapper;
import dev.athanor.orm.SynchronizeSession;
import dev.athanor.sql.Bind;
import dev.athanor.sql.Expression;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs ORM-enabled {@code update(User.class)} / {@code delete(User.class)} statements and keeps the session's objects
 * in step, as SQLAlchemy's {@code synchronize_session}: EVALUATE (the default) finds the matching objects by
 * evaluating the WHERE clause in Java, FETCH asks the database for the matching keys, FALSE leaves objects alone.
 */
final class SessionSynchronizer {
    private final SessionImpl session;

    SessionSynchronizer(SessionImpl session) {
        this.session = session;
    }

    Result update(Update update) {
        EntityMapper mapper = session.registryImpl().mapper(update.entity());
        SynchronizeSession mode = ExecutionOption.find(update.executionOptions(), SynchronizeSession.class,
                SynchronizeSession.EVALUATE);
        Expression<Boolean> where = conjunction(update.whereClauses());
        CriteriaEvaluator evaluator = new CriteriaEvaluator(mapper);
        List<InstanceState> matched = new ArrayList<>();
        if (mode == SynchronizeSession.EVALUATE) {
            checkEvaluable(evaluator, where, "update");
            for (InstanceState state : session.persistentStates(mapper)) {
                if (where == null || evaluator.test(where, state.entity())) {
                    matched.add(state);
                }
            }
        } else if (mode == SynchronizeSession.FETCH) {
            matched = fetchMatching(mapper, where);
        }
        Map<String, Expression<?>> values = update.values();
        // SET expressions are evaluated against the objects before the statement changes the rows
        List<Object[]> newValues = new ArrayList<>();
        for (InstanceState state : matched) {
            newValues.add(evaluateValues(mapper, evaluator, values, state));
        }
        Result result = session.conn().execute(update);
        List<AttributeMapping> computed = new ArrayList<>();
        for (AttributeMapping attribute : mapper.attributes()) {
            if (attribute.onUpdateSql() != null && !values.containsKey(attribute.columnName())) {
                computed.add(attribute);
            }
        }
        for (int i = 0; i < matched.size(); i++) {
            apply(mapper, matched.get(i), values, newValues.get(i), computed);
        }
        // values only the database knows (SQL it alone can evaluate, onUpdate columns) are read back now
        session.refreshColumns(mapper, matched, computed);
        return result;
    }

    Result delete(Delete delete) {
        EntityMapper mapper = session.registryImpl().mapper(delete.entity());
        SynchronizeSession mode = ExecutionOption.find(delete.executionOptions(), SynchronizeSession.class,
                SynchronizeSession.EVALUATE);
        Expression<Boolean> where = conjunction(delete.whereClauses());
        List<InstanceState> matched = new ArrayList<>();
        if (mode == SynchronizeSession.EVALUATE) {
            CriteriaEvaluator evaluator = new CriteriaEvaluator(mapper);
            checkEvaluable(evaluator, where, "delete");
            for (InstanceState state : session.persistentStates(mapper)) {
                if (where == null || evaluator.test(where, state.entity())) {
                    matched.add(state);
                }
            }
        } else if (mode == SynchronizeSession.FETCH) {
            matched = fetchMatching(mapper, where);
        }
        Result result = session.conn().execute(delete);
        matched.forEach(session::detach);
        return result;
    }

    @SuppressWarnings("unchecked")
    private static Expression<Boolean> conjunction(List<Expression<Boolean>> clauses) {
        return clauses.isEmpty() ? null : clauses.size() == 1 ? clauses.get(0)
                : Sql.and(clauses.toArray(Expression[]::new));
    }

    private static void checkEvaluable(CriteriaEvaluator evaluator, Expression<Boolean> where, String verb) {
        if (where == null) {
            return;
        }
        try {
            evaluator.check(where);
        } catch (CriteriaEvaluator.Unevaluable e) {
            throw new ArgumentError("cannot synchronize the session with this " + verb + " by evaluating its WHERE "
                    + "clause in Java (" + e.getMessage() + "); use executionOptions(SynchronizeSession.FETCH) or "
                    + "SynchronizeSession.FALSE");
        }
    }

    /** The objects in the session whose rows match, found by selecting the keys first. */
    private List<InstanceState> fetchMatching(EntityMapper mapper, Expression<Boolean> where) {
        List<Expression<?>> keyColumns = new ArrayList<>();
        for (AttributeMapping pk : mapper.primaryKey()) {
            keyColumns.add(pk.column());
        }
        dev.athanor.Select<Row> select = Sql.select(keyColumns);
        if (where != null) {
            select = select.where(where);
        }
        List<InstanceState> matched = new ArrayList<>();
        for (Row row : session.conn().execute(select)) {
            Object key;
            if (keyColumns.size() == 1) {
                key = mapper.primaryKey()[0].fromDatabase(row.get(0));
            } else {
                Object[] parts = new Object[keyColumns.size()];
                for (int i = 0; i < parts.length; i++) {
                    parts[i] = mapper.primaryKey()[i].fromDatabase(row.get(i));
                }
                key = List.of(parts);
            }
            InstanceState state = session.stateOfKey(mapper, key);
            if (state != null) {
                matched.add(state);
            }
        }
        return matched;
    }

    /** The new field values (or NOT_EVALUATED) for each SET column, computed from the object's current values. */
    private static Object[] evaluateValues(EntityMapper mapper, CriteriaEvaluator evaluator,
            Map<String, Expression<?>> values, InstanceState state) {
        Object[] computed = new Object[values.size()];
        int i = 0;
        for (Expression<?> value : values.values()) {
            if (value.node() instanceof Bind<?> bind) {
                computed[i++] = bind.value();
                continue;
            }
            try {
                computed[i++] = evaluator.value(value, state.entity());
            } catch (CriteriaEvaluator.Unevaluable | ArithmeticException e) {
                computed[i - 1] = NOT_EVALUATED;
            }
        }
        return computed;
    }

    private static final Object NOT_EVALUATED = new Object();

    private static void apply(EntityMapper mapper, InstanceState state, Map<String, Expression<?>> values,
            Object[] computed, List<AttributeMapping> readBack) {
        int i = 0;
        for (String columnName : values.keySet()) {
            AttributeMapping attribute = mapper.attribute(columnName);
            Object value = computed[i++];
            if (value == NOT_EVALUATED) {
                if (!readBack.contains(attribute)) {
                    readBack.add(attribute);
                }
                continue;
            }
            Object converted = attribute.fromDatabase(attribute.isJson() ? attribute.toDatabase(value) : value);
            attribute.set(state.entity(), converted);
            state.snapshotOf(attribute, converted);
        }
    }
}
