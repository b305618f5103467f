package dev.athanor.impl.orm.loading;

import dev.athanor.ArgumentError;
import dev.athanor.MultipleResultsFound;
import dev.athanor.NoResultFound;
import dev.athanor.ScalarResult;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** The entities of an ORM result, already loaded (identity-map bookkeeping is done when the rows are read). */
public final class ListScalarResult<T> implements ScalarResult<T> {
    private List<T> values;
    private int position;
    /** Whether {@link #values} is this result's own mutable list, which {@link #all()} may hand over. */
    private boolean owned;

    public ListScalarResult(List<T> values) {
        this.values = values;
    }

    /**
     * A result over a mutable list no one else holds: {@link #all()} called first returns that list itself (a load's
     * list of 1,000 objects is not copied once more).
     */
    static <T> ListScalarResult<T> owning(List<T> values) {
        ListScalarResult<T> result = new ListScalarResult<>(values);
        result.owned = true;
        return result;
    }

    private List<T> rest() {
        List<T> rest = values.subList(position, values.size());
        position = values.size();
        return rest;
    }

    @Override
    public List<T> all() {
        if (owned && position == 0) {
            List<T> whole = values;
            values = List.of();
            owned = false;
            return whole;
        }
        return new ArrayList<>(rest());
    }

    @Override
    public T first() {
        List<T> rest = rest();
        return rest.isEmpty() ? null : rest.get(0);
    }

    @Override
    public T one() {
        T value = oneOrNull();
        if (value == null) {
            throw new NoResultFound("one() found no row");
        }
        return value;
    }

    @Override
    public T oneOrNull() {
        List<T> rest = rest();
        if (rest.size() > 1) {
            throw new MultipleResultsFound("one() found " + rest.size() + " rows, expected one");
        }
        return rest.isEmpty() ? null : rest.get(0);
    }

    @Override
    public List<T> fetchMany(int size) {
        if (size < 0) {
            throw new ArgumentError("fetchMany size must be 0 or more, was " + size);
        }
        int end = Math.min(values.size(), position + size);
        List<T> batch = new ArrayList<>(values.subList(position, end));
        position = end;
        return batch;
    }

    @Override
    public ScalarResult<T> unique() {
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<T> distinct = new ArrayList<>();
        for (T value : rest()) {
            if (seen.add(value)) {
                distinct.add(value);
            }
        }
        return new ListScalarResult<>(distinct);
    }

    @Override
    public Stream<T> stream() {
        return rest().stream();
    }

    @Override
    public Iterator<T> iterator() {
        return rest().iterator();
    }

    @Override
    public void close() {
        position = values.size();
    }
}
