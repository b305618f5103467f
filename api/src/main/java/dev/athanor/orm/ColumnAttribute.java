package dev.athanor.orm;

import dev.athanor.schema.Column;
import dev.athanor.schema.SqlType;
import dev.athanor.spi.OrmServices;
import dev.athanor.sql.Expression;

/**
 * A column attribute of the static metamodel: an {@link Expression} that stands for the mapped column, so it works
 * anywhere a column does ({@code where}, {@code orderBy}, {@code select}, {@code row.get}). The column is looked up
 * from the mapping on first use and kept.
 *
 * {@snippet :
 * select(User.class).where(User_.name.eq("john")).orderBy(User_.id.desc());
 * for (Row row : session.execute(select(User_.name))) System.out.println(row.get(User_.name));
 * }
 *
 * @param <E> the entity class
 * @param <T> the column's Java type
 */
public class ColumnAttribute<E, T> implements Attribute<E, T>, Expression<T> {
    private final Class<E> entityType;
    private final String name;
    private final Class<?> javaType;
    private volatile Column<T> column;

    public ColumnAttribute(Class<E> entityType, String name, Class<?> javaType) {
        this.entityType = entityType;
        this.name = name;
        this.javaType = javaType;
    }

    @Override
    public Class<E> entityType() {
        return entityType;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Class<?> javaType() {
        return javaType;
    }

    /** The mapped column. */
    @SuppressWarnings("unchecked")
    public Column<T> column() {
        Column<T> resolved = column;
        if (resolved == null) {
            resolved = (Column<T>) OrmServices.get().column(entityType, name);
            column = resolved;
        }
        return resolved;
    }

    @Override
    public Expression<T> node() {
        return column();
    }

    @Override
    public SqlType<T> type() {
        return column().type();
    }

    @Override
    public String toString() {
        return entityType.getSimpleName() + "." + name;
    }
}
