package dev.athanor.impl.result;

import dev.athanor.ArgumentError;
import dev.athanor.MultipleResultsFound;
import dev.athanor.NoResultFound;
import dev.athanor.ResourceClosedError;
import dev.athanor.Result;
import dev.athanor.Row;
import dev.athanor.ScalarResult;
import dev.athanor.impl.dialect.Dialect;
import dev.athanor.impl.pool.StatementCache;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A {@link Result} over a JDBC cursor, or only a row count for statements that return no rows. Rows are read as they
 * are asked for. Reading the last row releases the cursor ("soft close": further reads return nothing);
 * {@link #close()} releases it at once ("hard close": further reads fail), as SQLAlchemy's {@code CursorResult}.
 */
public final class CursorResult extends RowResult {
    private enum State { OPEN, EXHAUSTED, CLOSED }

    private final ResultOwner owner;
    private final String sql;
    private final Statement statement;
    private final ResultSet rs;
    private final RowLayout layout;
    /** Where the statement goes back when the cursor is released, or null: the statement is closed. */
    private StatementCache.Entry cached;
    private long rowcount;
    private State state;
    private Set<Row> seen;

    private CursorResult(ResultOwner owner, String sql, Statement statement, ResultSet rs, RowLayout layout,
            long rowcount) {
        this.owner = owner;
        this.sql = sql;
        this.statement = statement;
        this.rs = rs;
        this.layout = layout;
        this.rowcount = rowcount;
        this.state = rs == null ? State.EXHAUSTED : State.OPEN;
    }

    /** A result over the rows of {@code rs}; owns {@code statement} and closes it with the cursor. */
    public static CursorResult ofRows(ResultOwner owner, String sql, Statement statement, ResultSet rs,
            Dialect dialect, List<? extends dev.athanor.sql.Expression<?>> selected) throws SQLException {
        return new CursorResult(owner, sql, statement, rs, RowLayout.of(rs, dialect, selected), 0);
    }

    /**
     * A result over the rows of {@code rs} of a statement taken from a statement cache ({@code cached}, or null as
     * above): released with the cursor, the statement goes back to the cache, unless reading failed. The layout of
     * the statement's previous result is used again when the result has as many columns (the same SQL selects the
     * same columns; a change of the table under {@code SELECT *} changes the count).
     */
    public static CursorResult ofRows(ResultOwner owner, String sql, Statement statement, ResultSet rs,
            Dialect dialect, List<? extends dev.athanor.sql.Expression<?>> selected, StatementCache.Entry cached)
            throws SQLException {
        if (cached == null) {
            return ofRows(owner, sql, statement, rs, dialect, selected);
        }
        RowLayout layout = cached.layout() instanceof RowLayout previous
                && previous.size() == rs.getMetaData().getColumnCount()
                ? previous.withExpressions(selected) : null;
        if (layout == null) {
            layout = RowLayout.of(rs, dialect, selected);
            cached.layout(layout);
        }
        CursorResult result = new CursorResult(owner, sql, statement, rs, layout, 0);
        result.cached = cached;
        return result;
    }

    /** A result of a statement that returned no rows. */
    public static CursorResult ofRowcount(long rowcount) {
        return new CursorResult(null, null, null, null, null, rowcount);
    }

    @Override
    public List<String> keys() {
        return layout == null ? List.of() : layout.keys();
    }

    @Override
    public boolean returnsRows() {
        return layout != null;
    }

    /**
     * The next row's values read into {@code buffer} (at least {@link #keys()} long), without a {@code Row}: for the
     * ORM's loads, which copy the values into objects at once, so one buffer serves every row. False when no row is
     * left (the cursor is then released as by {@link #nextRow()}).
     */
    public boolean readInto(Object[] buffer) {
        if (seen != null) {
            RowImpl row = nextRow();
            if (row == null) {
                return false;
            }
            System.arraycopy(row.rawValues(), 0, buffer, 0, row.rawValues().length);
            return true;
        }
        checkReadable();
        if (state == State.EXHAUSTED) {
            return false;
        }
        try {
            if (rs.next()) {
                layout.readInto(rs, buffer);
                rowcount++;
                return true;
            }
        } catch (SQLException e) {
            throw fetchFailed(e);
        }
        release(State.EXHAUSTED);
        return false;
    }

    /** Closes this result after a failed fetch (its statement is closed, not reused) and says what failed. */
    private RuntimeException fetchFailed(SQLException e) {
        cached = null;
        close();
        return owner.fetchError(e, sql);
    }

    /** The values of a row of any result: the row's own array for rows of this package (not to be changed). */
    public static Object[] valuesOf(Row row) {
        if (row instanceof RowImpl impl) {
            return impl.rawValues();
        }
        Object[] values = new Object[row.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = row.get(i);
        }
        return values;
    }

    /** The next row, or null when none is left. */
    RowImpl nextRow() {
        checkReadable();
        if (state == State.EXHAUSTED) {
            return null;
        }
        try {
            while (rs.next()) {
                RowImpl row = new RowImpl(layout, layout.read(rs));
                rowcount++;
                if (seen == null || seen.add(row)) {
                    return row;
                }
            }
        } catch (SQLException e) {
            throw fetchFailed(e);
        }
        release(State.EXHAUSTED);
        return null;
    }

    private void checkReadable() {
        if (layout == null) {
            throw new ResourceClosedError("this result does not return rows (the statement was not a query); "
                    + "it was closed automatically. Use rowcount() for the number of rows affected");
        }
        if (state == State.CLOSED) {
            throw new ResourceClosedError("this result is closed");
        }
    }

    RowLayout layout() {
        checkReadable();
        return layout;
    }

    /** Ends reading after a single-row call: the rest of the cursor is not wanted. */
    void finish() {
        if (state == State.OPEN) {
            release(State.EXHAUSTED);
        }
    }

    @Override
    public List<Row> all() {
        List<Row> rows = new ArrayList<>();
        for (RowImpl row = nextRow(); row != null; row = nextRow()) {
            rows.add(row);
        }
        return rows;
    }

    @Override
    public Row first() {
        RowImpl row = nextRow();
        finish();
        return row;
    }

    @Override
    public Row one() {
        Row row = oneOrNull();
        if (row == null) {
            throw new NoResultFound("no row was found when one was required");
        }
        return row;
    }

    @Override
    public Row oneOrNull() {
        RowImpl row = nextRow();
        if (row != null && nextRow() != null) {
            finish();
            throw new MultipleResultsFound("multiple rows were found when one or none was required");
        }
        finish();
        return row;
    }

    @Override
    public ScalarResult<?> scalars() {
        layout();
        return new ScalarResultImpl<>(this, row -> row.rawValues()[0]);
    }

    @Override
    public <T> ScalarResult<T> scalars(Class<T> type) {
        String label = layout().label(0);
        return new ScalarResultImpl<>(this, row -> ValueConverter.convert(row.rawValues()[0], type, label));
    }

    @Override
    public <T> ScalarResult<T> mapTo(Class<T> type) {
        if (type == null) {
            throw new ArgumentError("mapTo needs a type");
        }
        return new ScalarResultImpl<>(this, RowMapper.create(type, layout()));
    }

    @Override
    public Result unique() {
        if (seen == null) {
            seen = new HashSet<>();
        }
        return this;
    }

    @Override
    public Row fetchOne() {
        return nextRow();
    }

    @Override
    public List<Row> fetchMany(int size) {
        if (size < 0) {
            throw new ArgumentError("fetchMany needs a size of 0 or more, was " + size);
        }
        List<Row> rows = new ArrayList<>(Math.min(size, 1024));
        for (int i = 0; i < size; i++) {
            RowImpl row = nextRow();
            if (row == null) {
                break;
            }
            rows.add(row);
        }
        return rows;
    }

    @Override
    public long rowcount() {
        return rowcount;
    }

    @Override
    public Iterator<Row> iterator() {
        checkReadable();
        return new Iterator<>() {
            private RowImpl next;

            @Override
            public boolean hasNext() {
                if (next == null) {
                    next = nextRow();
                }
                return next != null;
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                RowImpl row = next;
                next = null;
                return row;
            }
        };
    }

    @Override
    public Stream<Row> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false)
                .onClose(this::close);
    }

    @Override
    public void close() {
        if (state == State.OPEN) {
            release(State.CLOSED);
        } else if (layout != null) {
            state = State.CLOSED;
        }
    }

    private void release(State newState) {
        state = newState;
        if (rs == null) {
            return;
        }
        try {
            rs.close();
        } catch (SQLException ignored) {
            cached = null; // the statement close below releases it too
        }
        StatementCache.Entry entry = cached;
        if (entry != null) {
            cached = null;
            entry.release();
        } else {
            try {
                statement.close();
            } catch (SQLException ignored) {
                // closing a statement of a broken connection: nothing left to release
            }
        }
        owner.resultClosed(this);
    }

    @Override
    public String toString() {
        return layout == null ? "Result[rowcount=" + rowcount + "]" : "Result" + layout.keys() + "[" + state + "]";
    }
}
