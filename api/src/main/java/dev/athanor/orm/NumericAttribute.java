package dev.athanor.orm;

/**
 * A numeric column attribute: comparisons plus arithmetic ({@code plus minus times div}) that renders as SQL, the
 * basis of updates that avoid lost updates.
 *
 * {@snippet :
 * session.assign(user, User_.visitCount, User_.visitCount.plus(1));   // SET visit_count = visit_count + 1
 * }
 *
 * @param <E> the entity class
 * @param <N> the number type
 */
public final class NumericAttribute<E, N extends Number> extends ColumnAttribute<E, N> {

    public NumericAttribute(Class<E> entityType, String name, Class<?> javaType) {
        super(entityType, name, javaType);
    }
}
