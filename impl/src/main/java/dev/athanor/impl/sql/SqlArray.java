package dev.athanor.impl.sql;

import java.util.Arrays;

/**
 * A bound SQL array ({@code = ANY(?)}): the ORM's selectin loads send the keys of a batch as one array parameter where
 * the dialect has arrays, so the statement text does not depend on the batch size and the database does not parse
 * hundreds of parameters.
 *
 * @param elementType the database's name of the element type ({@code integer}, {@code varchar}, ...)
 * @param elements the values
 */
public record SqlArray(String elementType, Object[] elements) {
    @Override
    public String toString() {
        return elementType + "[" + elements.length + "]" + (elements.length <= 10 ? Arrays.toString(elements) : "");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SqlArray array && elementType.equals(array.elementType)
                && Arrays.equals(elements, array.elements);
    }

    @Override
    public int hashCode() {
        return 31 * elementType.hashCode() + Arrays.hashCode(elements);
    }
}
