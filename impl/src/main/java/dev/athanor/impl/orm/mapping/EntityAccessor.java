package dev.athanor.impl.orm.mapping;

/**
 * Field access of one entity class compiled to plain bytecode: a switch over the attribute index with a direct
 * {@code GETFIELD} / {@code PUTFIELD} per case, and the no-argument constructor called directly. Subclasses are
 * generated once per entity class by {@link EntityAccessors} as hidden nestmates of the entity, so private fields
 * and constructors are reachable; {@link AttributeMapping} uses one for the attributes it covers and its method
 * handles for the rest (and for every attribute when generation was not possible). The {@code @Relationship} fields
 * come after the columns (index {@code attributes + r}); {@link RelationshipMapping} uses them the same way.
 *
 * <p>Public with a public constructor only because the generated class lives in the entity's package.
 */
public abstract class EntityAccessor {
    protected EntityAccessor() {
    }

    /** {@code new Entity()}. */
    public abstract Object newInstance();

    /** The value of attribute {@code index} (its position among the entity's columns), boxed. */
    public abstract Object get(Object entity, int index);

    /**
     * Sets attribute {@code index}. The value is of the field's (boxed) type; a primitive field also takes the boxes
     * reflection widens (a {@code Short} for an {@code int}); null for a primitive is the caller's to filter out.
     */
    public abstract void set(Object entity, int index, Object value);

    /**
     * Sets every attribute of a freshly loaded object from a row laid out in attribute order ({@code row[offset + i]}
     * is attribute {@code i}) in straight-line code: a value already of the field's type is stored as it is, another
     * goes through {@link AttributeMapping#fromDatabase} first; null leaves a primitive field alone. The values stored
     * are written to {@code snapshot[i]} too, unless it is null (a read-only load). Only for entities whose attributes
     * are all covered, loaded by default and plain ({@link EntityMapper#populator()}); others throw.
     */
    public abstract void populate(Object entity, Object[] row, int offset, Object[] snapshot,
            AttributeMapping[] attributes);

    /** The generated populate's conversion of a value not of its field's type. */
    protected static Object convert(AttributeMapping[] attributes, int index, Object raw) {
        return attributes[index].fromDatabase(raw);
    }

    /** What the generated switch throws for an index it does not cover (a bug: callers check coverage). */
    protected static RuntimeException notCovered(int index) {
        return new IllegalStateException("attribute " + index + " is not covered by the generated accessor");
    }

    // The unboxing helpers of the generated setters: the exact box first (the only one the ORM passes), then the
    // widening conversions reflection and method handles allow, so both paths accept the same values.

    protected static int toInt(Object value) {
        if (value instanceof Integer n) {
            return n;
        }
        if (value instanceof Short || value instanceof Byte) {
            return ((Number) value).intValue();
        }
        if (value instanceof Character c) {
            return c;
        }
        throw mismatch(value, "int");
    }

    protected static long toLong(Object value) {
        if (value instanceof Long n) {
            return n;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Character c) {
            return c;
        }
        throw mismatch(value, "long");
    }

    protected static short toShort(Object value) {
        if (value instanceof Short n) {
            return n;
        }
        if (value instanceof Byte n) {
            return n;
        }
        throw mismatch(value, "short");
    }

    protected static byte toByte(Object value) {
        if (value instanceof Byte n) {
            return n;
        }
        throw mismatch(value, "byte");
    }

    protected static char toChar(Object value) {
        if (value instanceof Character c) {
            return c;
        }
        throw mismatch(value, "char");
    }

    protected static boolean toBoolean(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        throw mismatch(value, "boolean");
    }

    protected static float toFloat(Object value) {
        if (value instanceof Float n) {
            return n;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return ((Number) value).floatValue();
        }
        if (value instanceof Character c) {
            return c;
        }
        throw mismatch(value, "float");
    }

    protected static double toDouble(Object value) {
        if (value instanceof Double n) {
            return n;
        }
        if (value instanceof Number n && !(value instanceof java.math.BigDecimal)
                && !(value instanceof java.math.BigInteger)) {
            return wideningToDouble(n);
        }
        if (value instanceof Character c) {
            return c;
        }
        throw mismatch(value, "double");
    }

    private static double wideningToDouble(Number n) {
        if (n instanceof Float || n instanceof Long || n instanceof Integer || n instanceof Short
                || n instanceof Byte) {
            return n.doubleValue();
        }
        throw mismatch(n, "double");
    }

    private static ClassCastException mismatch(Object value, String type) {
        return new ClassCastException(value == null ? "null cannot be assigned to a " + type + " field"
                : value.getClass().getName() + " cannot be assigned to a " + type + " field");
    }
}
