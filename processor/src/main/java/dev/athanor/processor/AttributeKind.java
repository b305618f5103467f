package dev.athanor.processor;

import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.element.TypeElement;
import java.util.Set;

/**
 * Which attribute class of athanor-api represents a mapped field in the metamodel. The more specific classes give
 * queries the operators that make sense for the type: {@code like} on text, arithmetic on numbers.
 */
enum AttributeKind {
    /** A {@code String} column: {@code StringAttribute<E>}. */
    STRING(Names.STRING_ATTRIBUTE),
    /** A numeric column: {@code NumericAttribute<E, N>}. */
    NUMERIC(Names.NUMERIC_ATTRIBUTE),
    /** Any other column (dates, UUIDs, enums, byte arrays, JSON values): {@code ColumnAttribute<E, T>}. */
    COLUMN(Names.COLUMN_ATTRIBUTE),
    /** A {@code @Relationship} field: {@code RelationshipAttribute<E, T>}. */
    RELATIONSHIP(Names.RELATIONSHIP_ATTRIBUTE);

    /**
     * The number types that get {@link #NUMERIC}, as boxes: primitives are boxed before classification. They are
     * exactly those the runtime maps to SQL numbers, and all extend {@code Number} as {@code NumericAttribute}
     * requires; {@code char} and {@code boolean} are not numbers in SQL.
     */
    private static final Set<String> NUMBERS = Set.of("java.lang.Integer", "java.lang.Long", "java.lang.Short",
            "java.lang.Byte", "java.lang.Float", "java.lang.Double", "java.math.BigDecimal", "java.math.BigInteger");

    private final String attributeClass;

    AttributeKind(String attributeClass) {
        this.attributeClass = attributeClass;
    }

    /** The qualified name of the attribute class. */
    String attributeClass() {
        return attributeClass;
    }

    /** The kind of a column (not a relationship) whose Java type, boxed if primitive, is {@code boxedType}. */
    static AttributeKind ofColumn(TypeMirror boxedType) {
        if (boxedType.getKind() != TypeKind.DECLARED) {
            return COLUMN;
        }
        String name = ((TypeElement) ((DeclaredType) boxedType).asElement()).getQualifiedName().toString();
        if (name.equals("java.lang.String")) {
            return STRING;
        }
        return NUMBERS.contains(name) ? NUMERIC : COLUMN;
    }
}
