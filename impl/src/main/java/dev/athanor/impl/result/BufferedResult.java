package dev.athanor.impl.result;

import dev.athanor.ArgumentError;
import dev.athanor.MultipleResultsFound;
import dev.athanor.NoResultFound;
import dev.athanor.ResourceClosedError;
import dev.athanor.Result;
import dev.athanor.Row;
import dev.athanor.ScalarResult;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A result whose rows were all read (SQLAlchemy's {@code FrozenResult} / buffered result): what the asyncio layer
 * hands back, since the cursor lives on a worker thread and is closed before the caller sees the rows.
 */
public final class BufferedResult extends RowResult {
    private final RowLayout layout; // null: the statement returned no rows
    private final List<Row> rows;
    private final long rowcount;
    private int position;

    private BufferedResult(RowLayout layout, List<Row> rows, long rowcount) {
        this.layout = layout;
        this.rows = rows;
        this.rowcount = rowcount;
    }

    /** Reads every row of {@code result} and closes it; a result that is not a cursor is returned as it is. */
    public static Result of(Result result) {
        if (!(result instanceof CursorResult cursor)) {
            return result;
        }
        try (cursor) {
            if (!cursor.returnsRows()) {
                return new BufferedResult(null, List.of(), cursor.rowcount());
            }
            RowLayout layout = cursor.layout();
            List<Row> rows = new ArrayList<>();
            for (RowImpl row = cursor.nextRow(); row != null; row = cursor.nextRow()) {
                rows.add(row);
            }
            return new BufferedResult(layout, rows, cursor.rowcount());
        }
    }

    private void checkRows() {
        if (layout == null) {
            throw new ResourceClosedError("this result does not return rows (the statement was not a query); use "
                    + "rowcount() for the number of rows affected");
        }
    }

    private List<Row> rest() {
        checkRows();
        List<Row> rest = rows.subList(position, rows.size());
        position = rows.size();
        return rest;
    }

    @Override
    public List<String> keys() {
        return layout == null ? List.of() : layout.keys();
    }

    @Override
    public boolean returnsRows() {
        return layout != null;
    }

    @Override
    public List<Row> all() {
        return List.copyOf(rest());
    }

    @Override
    public Row first() {
        List<Row> rest = rest();
        return rest.isEmpty() ? null : rest.get(0);
    }

    @Override
    public Row one() {
        Row row = oneOrNull();
        if (row == null) {
            throw new NoResultFound("one() found no row");
        }
        return row;
    }

    @Override
    public Row oneOrNull() {
        List<Row> rest = rest();
        if (rest.size() > 1) {
            throw new MultipleResultsFound("one() found " + rest.size() + " rows where one was expected");
        }
        return rest.isEmpty() ? null : rest.get(0);
    }

    @Override
    public ScalarResult<?> scalars() {
        return new Scalars<>(map(row -> row.get(0)));
    }

    @Override
    public <T> ScalarResult<T> scalars(Class<T> type) {
        return new Scalars<>(map(row -> row.get(0, type)));
    }

    @Override
    public <T> ScalarResult<T> mapTo(Class<T> type) {
        checkRows();
        Function<RowImpl, T> mapper = RowMapper.create(type, layout);
        return new Scalars<>(map(row -> mapper.apply((RowImpl) row)));
    }

    private <T> List<T> map(Function<Row, T> mapper) {
        List<T> values = new ArrayList<>();
        for (Row row : rest()) {
            values.add(mapper.apply(row));
        }
        return values;
    }

    @Override
    public Result unique() {
        List<Row> rest = new ArrayList<>(new LinkedHashSet<>(rest()));
        return new BufferedResult(layout, rest, rowcount);
    }

    @Override
    public Row fetchOne() {
        checkRows();
        return position < rows.size() ? rows.get(position++) : null;
    }

    @Override
    public List<Row> fetchMany(int size) {
        if (size < 0) {
            throw new ArgumentError("fetchMany needs a size of 0 or more, was " + size);
        }
        checkRows();
        int end = Math.min(rows.size(), position + size);
        List<Row> batch = new ArrayList<>(rows.subList(position, end));
        position = end;
        return batch;
    }

    @Override
    public long rowcount() {
        return rowcount;
    }

    @Override
    public Iterator<Row> iterator() {
        return rest().iterator();
    }

    @Override
    public Stream<Row> stream() {
        return rest().stream();
    }

    @Override
    public void close() {
        position = rows.size();
    }

    @Override
    public String toString() {
        return layout == null ? "Result[rowcount=" + rowcount + "]" : "Result" + layout.keys() + "[" + rows.size()
                + " rows buffered]";
    }

    /**
     * The values of a buffered result, in order. Not the ORM's {@code ListScalarResult}: Core values are made unique
     * by equality (as {@link CursorResult} does), entities there by identity; and results do not depend on the ORM.
     */
    private static final class Scalars<T> implements ScalarResult<T> {
        private final List<T> values;
        private int position;

        Scalars(List<T> values) {
            this.values = values;
        }

        private List<T> rest() {
            List<T> rest = values.subList(position, values.size());
            position = values.size();
            return rest;
        }

        @Override
        public List<T> all() {
            return new ArrayList<>(rest());
        }

        @Override
        public T first() {
            List<T> rest = rest();
            return rest.isEmpty() ? null : rest.get(0);
        }

        @Override
        public T one() {
            List<T> rest = rest();
            if (rest.size() != 1) {
                throw rest.isEmpty() ? new NoResultFound("one() found no row")
                        : new MultipleResultsFound("one() found " + rest.size() + " rows where one was expected");
            }
            return rest.get(0);
        }

        @Override
        public T oneOrNull() {
            List<T> rest = rest();
            if (rest.size() > 1) {
                throw new MultipleResultsFound("oneOrNull() found " + rest.size() + " rows where at most one was expected");
            }
            return rest.isEmpty() ? null : rest.get(0);
        }

        @Override
        public List<T> fetchMany(int size) {
            if (size < 0) {
                throw new ArgumentError("fetchMany needs a size of 0 or more, was " + size);
            }
            int end = Math.min(values.size(), position + size);
            List<T> batch = new ArrayList<>(values.subList(position, end));
            position = end;
            return batch;
        }

        @Override
        public ScalarResult<T> unique() {
            return new Scalars<>(new ArrayList<>(new LinkedHashSet<>(rest())));
        }

        @Override
        public Iterator<T> iterator() {
            return rest().iterator();
        }

        @Override
        public Stream<T> stream() {
            return rest().stream();
        }

        @Override
        public void close() {
            position = values.size();
        }
    }
}
