package dev.athanor.impl.orm.loading;

import dev.athanor.ArgumentError;
import dev.athanor.Result;
import dev.athanor.Row;
import dev.athanor.ScalarResult;
import dev.athanor.impl.result.ValueConverter;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The result of an entity select run through a session: each row holds one entity. Buffered, as SQLAlchemy's ORM
 * results are once the identity map has been consulted. {@link #scalars()} gives the entities typed.
 *
 * @param <E> the entity class
 */
public final class OrmResult<E> implements dev.athanor.orm.EntityResult<E> {
    /** The loaded entities; handed over to the scalar result (and replaced by an empty list) when taken whole. */
    private List<E> entities;
    private final String label;
    private final boolean requiresUnique;
    private int position;

    public OrmResult(List<E> entities, String label) {
        this(entities, label, false);
    }

    /** {@code requiresUnique}: rows repeat parents (a joined collection load) and must go through unique(). */
    public OrmResult(List<E> entities, String label, boolean requiresUnique) {
        this.entities = entities;
        this.label = label;
        this.requiresUnique = requiresUnique;
    }

    private void checkUnique() {
        if (requiresUnique) {
            throw new dev.athanor.InvalidRequestError("this result repeats each " + label + " once per member of "
                    + "a collection loaded with joinedLoad; call unique() on it first: session.execute(stmt)"
                    + ".unique().scalars().all()", null, "unique-required");
        }
    }

    private Row row(E entity) {
        return new EntityRow(entity, label);
    }

    private List<E> rest() {
        checkUnique();
        List<E> rest = entities.subList(position, entities.size());
        position = entities.size();
        return rest;
    }

    @Override
    public List<String> keys() {
        return List.of(label);
    }

    @Override
    public boolean returnsRows() {
        return true;
    }

    @Override
    public List<Row> all() {
        List<Row> rows = new ArrayList<>();
        rest().forEach(e -> rows.add(row(e)));
        return rows;
    }

    @Override
    public Row first() {
        E first = scalars().first();
        return first == null ? null : row(first);
    }

    @Override
    public Row one() {
        return row(scalars().one());
    }

    @Override
    public Row oneOrNull() {
        E value = scalars().oneOrNull();
        return value == null ? null : row(value);
    }

    @Override
    public Object scalar() {
        return scalars().first();
    }

    @Override
    public <T> T scalar(Class<T> type) {
        return type.cast(scalar());
    }

    @Override
    public Object scalarOne() {
        return scalars().one();
    }

    @Override
    public <T> T scalarOne(Class<T> type) {
        return type.cast(scalarOne());
    }

    @Override
    public <T> T scalarOneOrNull(Class<T> type) {
        return type.cast(scalars().oneOrNull());
    }

    @Override
    public ScalarResult<E> scalars() {
        if (position == 0 && !requiresUnique) {
            List<E> whole = entities;   // taken whole (the usual scalars().all()): handed over, not copied
            entities = List.of();
            return ListScalarResult.owning(whole);
        }
        return new ListScalarResult<>(rest());   // a view of a list no one changes: all() makes the one copy
    }

    @Override
    public <T> ScalarResult<T> scalars(Class<T> type) {
        List<T> typed = new ArrayList<>();
        for (E entity : rest()) {
            if (entity != null && !type.isInstance(entity) && !ValueConverter.isSimple(type)) {
                throw new ArgumentError("this result holds " + label + " objects, not " + type.getName());
            }
            typed.add(type.cast(entity));
        }
        return new ListScalarResult<>(typed);
    }

    @Override
    public <T> ScalarResult<T> mapTo(Class<T> type) {
        return scalars(type);
    }

    @Override
    public OrmResult<E> unique() {
        List<E> rest = new ArrayList<>(entities.subList(position, entities.size()));
        position = entities.size();
        return new OrmResult<>(new ListScalarResult<>(rest).unique().all(), label);
    }

    @Override
    public Row fetchOne() {
        checkUnique();
        return position < entities.size() ? row(entities.get(position++)) : null;
    }

    @Override
    public List<Row> fetchMany(int size) {
        checkUnique();
        if (size < 0) {
            throw new ArgumentError("fetchMany size must be 0 or more, was " + size);
        }
        List<Row> rows = new ArrayList<>();
        while (rows.size() < size && position < entities.size()) {
            rows.add(row(entities.get(position++)));
        }
        return rows;
    }

    @Override
    public long rowcount() {
        return entities.size();
    }

    @Override
    public Stream<Row> stream() {
        return rest().stream().map(this::row);
    }

    @Override
    public Iterator<Row> iterator() {
        return stream().iterator();
    }

    @Override
    public void close() {
        position = entities.size();
    }
}
