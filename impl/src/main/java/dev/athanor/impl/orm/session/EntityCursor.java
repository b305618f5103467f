package dev.athanor.impl.orm.session;

import dev.athanor.Result;
import dev.athanor.Row;
import dev.athanor.impl.orm.loading.LoadingSubclasses;
import dev.athanor.sql.Expression;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The entities of one select read from an open cursor a batch at a time (SQLAlchemy's {@code yield_per}): each
 * batch's rows become objects of the session (identity map, expired ones refreshed) and its selectin loads run for
 * that batch only. What the asyncio layer's {@code stream(select(Entity.class))} reads from. A select with a joined
 * load (rows that repeat their parent) cannot be cut into batches and is loaded whole, as {@code execute} does.
 *
 * @param <E> the entity class
 */
public final class EntityCursor<E> implements AutoCloseable {
    private final SessionImpl session;
    private final LoadPlan plan;
    private final Result result; // null: loaded whole (see above)
    private final Iterator<Row> rows;
    private final Iterator<E> loaded;

    private EntityCursor(SessionImpl session, LoadPlan plan, Result result, List<E> whole) {
        this.session = session;
        this.plan = plan;
        this.result = result;
        this.rows = result == null ? null : result.iterator();
        this.loaded = whole == null ? null : whole.iterator();
    }

    static <E> EntityCursor<E> open(SessionImpl session, LoadPlan plan, dev.athanor.Select<?> select) {
        if (plan.hasRowBranches()) {
            return new EntityCursor<>(session, plan, null, session.loadEntities(plan, select, null));
        }
        LoadingSubclasses.install(plan.mapper);
        dev.athanor.Select<?> sql = plan.columns.isDefault(plan.mapper) ? select
                : select.withOnlyColumns(plan.columns.expressions(plan.mapper.table()).toArray(Expression[]::new));
        return new EntityCursor<>(session, plan, session.conn().execute(sql), null);
    }

    /** The next {@code size} entities at most (fewer only at the end). */
    @SuppressWarnings("unchecked")
    public List<E> fetch(int size) {
        return session.inSession(() -> {
            List<E> batch = new ArrayList<>(Math.min(size, 1024));
            if (loaded != null) {
                while (batch.size() < size && loaded.hasNext()) {
                    batch.add(loaded.next());
                }
                return batch;
            }
            List<InstanceState> states = plan.relationships.length == 0 ? null : new ArrayList<>();
            while (batch.size() < size && rows.hasNext()) {
                InstanceState state = session.hydrateState(plan.mapper, rows.next(), 0, plan.columns,
                        plan.populateExisting, plan.relationships);
                batch.add((E) state.entity());
                if (states != null) {
                    states.add(state);
                }
            }
            if (states != null && !states.isEmpty()) {
                session.afterBatch(states, plan);
            }
            return batch;
        });
    }

    @Override
    public void close() {
        if (result != null) {
            result.close();
        }
    }
}
