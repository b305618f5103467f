package dev.athanor;

import java.util.List;
import java.util.stream.Stream;

/**
 * A result that yields one value per row: the first column ({@link Result#scalars()}), or rows mapped to objects
 * ({@link Result#mapTo(Class)}). Single-pass, like the {@link Result} it reads from; closing it closes that result.
 *
 * {@snippet :
 * List<Integer> ids = conn.execute(text("SELECT id FROM users ORDER BY id")).scalars(Integer.class).all();
 * List<Point> points = conn.execute(text("SELECT x, y FROM some_table")).mapTo(Point.class).all();
 * }
 *
 * @param <T> the type of each value
 */
public interface ScalarResult<T> extends Iterable<T>, AutoCloseable {

    /** Every remaining value; closes the result. */
    List<T> all();

    /** The first value, or null if there is none; closes the result. */
    T first();

    /**
     * Exactly one value; closes the result.
     *
     * @throws NoResultFound        if there is none
     * @throws MultipleResultsFound if there are more
     */
    T one();

    /**
     * One value or null if there is none; closes the result.
     *
     * @throws MultipleResultsFound if there are more
     */
    T oneOrNull();

    /** The next {@code size} values at most; an empty list when none are left. */
    List<T> fetchMany(int size);

    /** Drops values already seen (by {@code equals}), as SQLAlchemy's {@code unique()}. */
    ScalarResult<T> unique();

    /** The remaining values as a stream; closing the stream closes the result. */
    Stream<T> stream();

    @Override
    void close();
}
