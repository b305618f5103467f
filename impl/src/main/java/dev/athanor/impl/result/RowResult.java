package dev.athanor.impl.result;

import dev.athanor.Result;
import dev.athanor.Row;

/**
 * What a {@link Result} of rows answers from its other methods: the scalar accessors are the first column of
 * {@link #first()}, {@link #one()} or {@link #oneOrNull()}, whether the rows are buffered or read from a cursor.
 */
abstract class RowResult implements Result {
    @Override
    public Object scalar() {
        Row row = first();
        return row == null ? null : row.get(0);
    }

    @Override
    public <T> T scalar(Class<T> type) {
        Row row = first();
        return row == null ? null : row.get(0, type);
    }

    @Override
    public Object scalarOne() {
        return one().get(0);
    }

    @Override
    public <T> T scalarOne(Class<T> type) {
        return one().get(0, type);
    }

    @Override
    public <T> T scalarOneOrNull(Class<T> type) {
        Row row = oneOrNull();
        return row == null ? null : row.get(0, type);
    }
}
