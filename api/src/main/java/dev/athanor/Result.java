package dev.athanor;

import java.util.List;
import java.util.stream.Stream;

/**
 * What executing a statement returns: rows streamed from the database cursor, or, for statements that return no
 * rows, the number of rows affected (SQLAlchemy's {@code CursorResult}). Single-pass: iterating it, or calling
 * {@link #all()}, consumes the rows. A fully read result closes itself; close it (try-with-resources) when reading
 * only part of it. As SQLAlchemy's buffered results, rows stay readable after the connection commits or rolls back;
 * results still open are closed when their connection closes.
 *
 * {@snippet :
 * Result result = conn.execute(text("SELECT x, y FROM some_table WHERE y > :y"), Map.of("y", 2));
 * for (Row row : result) {
 *     System.out.println(row.get("x", Integer.class) + " " + row.get("y"));
 * }
 * long n = conn.execute(text("SELECT count(*) FROM some_table")).scalarOne(Long.class);
 * int updated = (int) conn.execute(text("UPDATE some_table SET y = 0")).rowcount();
 * }
 */
public interface Result extends Iterable<Row>, AutoCloseable {

    /** The column labels of the rows (empty for statements that return no rows). */
    List<String> keys();

    /** Whether the statement returns rows at all (a SELECT, or DML with RETURNING). */
    boolean returnsRows();

    /** Every remaining row; closes the result. */
    List<Row> all();

    /** The first row, or null if there is none; closes the result. */
    Row first();

    /**
     * Exactly one row; closes the result.
     *
     * @throws NoResultFound        if there is none
     * @throws MultipleResultsFound if there are more
     */
    Row one();

    /**
     * One row, or null if there is none; closes the result.
     *
     * @throws MultipleResultsFound if there are more
     */
    Row oneOrNull();

    /** The first column of the first row, or null if there is no row; closes the result. */
    Object scalar();

    /** As {@link #scalar()}, converted to {@code type}. */
    <T> T scalar(Class<T> type);

    /**
     * The first column of exactly one row; closes the result.
     *
     * @throws NoResultFound        if there is no row
     * @throws MultipleResultsFound if there are more
     */
    Object scalarOne();

    /** As {@link #scalarOne()}, converted to {@code type}. */
    <T> T scalarOne(Class<T> type);

    /** The first column of one row or null if there is none; closes the result. */
    <T> T scalarOneOrNull(Class<T> type);

    /** The first column of each row. */
    ScalarResult<?> scalars();

    /** The first column of each row, converted to {@code type}. */
    <T> ScalarResult<T> scalars(Class<T> type);

    /**
     * Each row as an object of {@code type}: a record, whose components are matched to column labels
     * (case-insensitive; {@code time_created} matches {@code timeCreated}); a class with a no-argument constructor,
     * whose fields are matched the same way; or a plain value type (String, Integer, ...) for a one-column result.
     * The mapping is resolved once per result, not per row.
     *
     * @throws ArgumentError if a record component has no column, or a value cannot be converted
     */
    <T> ScalarResult<T> mapTo(Class<T> type);

    /** Drops rows equal to a row already returned (SQLAlchemy's {@code unique()}). */
    Result unique();

    /** The next row, or null when none is left (closes the result then). */
    Row fetchOne();

    /** The next {@code size} rows at most; an empty list when none are left. */
    List<Row> fetchMany(int size);

    /**
     * The number of rows the statement affected (UPDATE, DELETE, INSERT), the sum over an executemany, or -1 when
     * the driver does not report it. For a query, the number of rows read so far.
     */
    long rowcount();

    /** The remaining rows as a stream; closing the stream closes the result. */
    Stream<Row> stream();

    /** Releases the cursor; further reads fail with {@link ResourceClosedError}. Idempotent. */
    @Override
    void close();
}
