package dev.athanor.impl.result;

import dev.athanor.ArgumentError;
import dev.athanor.MultipleResultsFound;
import dev.athanor.NoResultFound;
import dev.athanor.ScalarResult;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** One value per row of a {@link CursorResult}, by a function resolved once per result. */
final class ScalarResultImpl<T> implements ScalarResult<T> {
    private final CursorResult source;
    private final Function<RowImpl, T> mapper;
    private Set<Object> seen;

    ScalarResultImpl(CursorResult source, Function<RowImpl, T> mapper) {
        this.source = source;
        this.mapper = mapper;
    }

    /** The next value; {@code NONE} when the rows are used up. */
    private Object next() {
        while (true) {
            RowImpl row = source.nextRow();
            if (row == null) {
                return NONE;
            }
            T value = mapper.apply(row);
            if (seen == null || seen.add(value)) {
                return value;
            }
        }
    }

    private static final Object NONE = new Object();
    private static final Object UNFETCHED = new Object();

    @SuppressWarnings("unchecked")
    private T cast(Object value) {
        return (T) value;
    }

    @Override
    public List<T> all() {
        List<T> values = new ArrayList<>();
        for (Object v = next(); v != NONE; v = next()) {
            values.add(cast(v));
        }
        return values;
    }

    @Override
    public T first() {
        Object v = next();
        source.finish();
        return v == NONE ? null : cast(v);
    }

    @Override
    public T one() {
        Object v = next();
        if (v == NONE) {
            source.finish();
            throw new NoResultFound("no row was found when one was required");
        }
        return single(v);
    }

    @Override
    public T oneOrNull() {
        Object v = next();
        if (v == NONE) {
            source.finish();
            return null;
        }
        return single(v);
    }

    private T single(Object v) {
        boolean more = next() != NONE;
        source.finish();
        if (more) {
            throw new MultipleResultsFound("multiple rows were found when one or none was required");
        }
        return cast(v);
    }

    @Override
    public List<T> fetchMany(int size) {
        if (size < 0) {
            throw new ArgumentError("fetchMany needs a size of 0 or more, was " + size);
        }
        List<T> values = new ArrayList<>(Math.min(size, 1024));
        for (int i = 0; i < size; i++) {
            Object v = next();
            if (v == NONE) {
                break;
            }
            values.add(cast(v));
        }
        return values;
    }

    @Override
    public ScalarResult<T> unique() {
        if (seen == null) {
            seen = new HashSet<>();
        }
        return this;
    }

    @Override
    public Iterator<T> iterator() {
        return new Iterator<>() {
            private Object next = UNFETCHED;

            @Override
            public boolean hasNext() {
                if (next == UNFETCHED) {
                    next = ScalarResultImpl.this.next();
                }
                return next != NONE;
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Object v = next;
                next = UNFETCHED;
                return cast(v);
            }
        };
    }

    @Override
    public Stream<T> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false)
                .onClose(this::close);
    }

    @Override
    public void close() {
        source.close();
    }
}
