package dev.athanor.impl.orm.loading;

import dev.athanor.Result;
import dev.athanor.Row;
import dev.athanor.ScalarResult;
import dev.athanor.orm.EntityResult;

import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/** A Core result of a column select run through a session, seen as an {@link EntityResult}. */
public final class CoreEntityResult<E> implements EntityResult<E> {
    private final Result result;

    public CoreEntityResult(Result result) {
        this.result = result;
    }

    /** The Core result underneath (the asyncio layer buffers it). */
    public Result result() {
        return result;
    }

    @Override
    @SuppressWarnings("unchecked")
    public ScalarResult<E> scalars() {
        return (ScalarResult<E>) result.scalars();
    }

    @Override
    public EntityResult<E> unique() {
        return new CoreEntityResult<>(result.unique());
    }

    @Override
    public List<String> keys() {
        return result.keys();
    }

    @Override
    public boolean returnsRows() {
        return result.returnsRows();
    }

    @Override
    public List<Row> all() {
        return result.all();
    }

    @Override
    public Row first() {
        return result.first();
    }

    @Override
    public Row one() {
        return result.one();
    }

    @Override
    public Row oneOrNull() {
        return result.oneOrNull();
    }

    @Override
    public Object scalar() {
        return result.scalar();
    }

    @Override
    public <T> T scalar(Class<T> type) {
        return result.scalar(type);
    }

    @Override
    public Object scalarOne() {
        return result.scalarOne();
    }

    @Override
    public <T> T scalarOne(Class<T> type) {
        return result.scalarOne(type);
    }

    @Override
    public <T> T scalarOneOrNull(Class<T> type) {
        return result.scalarOneOrNull(type);
    }

    @Override
    public <T> ScalarResult<T> scalars(Class<T> type) {
        return result.scalars(type);
    }

    @Override
    public <T> ScalarResult<T> mapTo(Class<T> type) {
        return result.mapTo(type);
    }

    @Override
    public Row fetchOne() {
        return result.fetchOne();
    }

    @Override
    public List<Row> fetchMany(int size) {
        return result.fetchMany(size);
    }

    @Override
    public long rowcount() {
        return result.rowcount();
    }

    @Override
    public Stream<Row> stream() {
        return result.stream();
    }

    @Override
    public Iterator<Row> iterator() {
        return result.iterator();
    }

    @Override
    public void close() {
        result.close();
    }
}
