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
    /**
     * Keeps the elements in an array of their own class ({@code Integer[]}, not {@code Object[]}) when they all have
     * one: H2 types an array parameter by its Java component type, and an {@code Object[]} made it compare
     * {@code col = ANY(?)} value by value with conversions instead of looking the keys up in the index (5x the
     * time of the same statement from JDBC with an {@code Integer[]}).
     */
    public SqlArray {
        elements = typed(elements);
    }

    private static Object[] typed(Object[] elements) {
        if (elements.getClass() != Object[].class || elements.length == 0 || elements[0] == null) {
            return elements;
        }
        Class<?> type = elements[0].getClass();
        for (Object element : elements) {
            if (element == null || element.getClass() != type) {
                return elements;
            }
        }
        Object[] copy = (Object[]) java.lang.reflect.Array.newInstance(type, elements.length);
        System.arraycopy(elements, 0, copy, 0, elements.length);
        return copy;
    }

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
