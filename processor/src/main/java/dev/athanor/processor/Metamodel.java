package dev.athanor.processor;

import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * What the generated metamodel class of one entity holds, with every type already rendered as source text: the
 * model between the analysis of the entity ({@link MetamodelBuilder}) and the rendering ({@link MetamodelWriter}).
 *
 * @param packageName the entity's package, empty for the unnamed package
 * @param simpleName the metamodel class's simple name ({@code User_}, {@code Outer_Inner_})
 * @param entityName the entity's canonical name ({@code app.User}, {@code app.Outer.Inner})
 * @param attributes one per mapped field, superclass fields first
 * @param generatedAnnotation whether {@code @Generated} can be used (a named module may not read java.compiler)
 * @param suppressDeprecation whether the code refers to deprecated types, whose warnings it must not repeat
 */
record Metamodel(String packageName, String simpleName, String entityName, List<MappedAttribute> attributes,
        boolean generatedAnnotation, boolean suppressDeprecation) {

    /**
     * One attribute.
     *
     * @param name the field's name
     * @param kind which attribute class holds it
     * @param valueType the attribute's value type argument (boxed; the target entity of a relationship)
     * @param javaClass the class literal of the value type's erasure ({@code java.util.List.class})
     * @param collection whether a relationship holds a collection
     */
    record MappedAttribute(String name, AttributeKind kind, String valueType, String javaClass, boolean collection) {
    }

    /** {@code User_} for {@code User}, {@code Outer_Inner_} for the nested class {@code Outer.Inner}. */
    static String simpleNameOf(TypeElement entity) {
        Deque<String> names = new ArrayDeque<>();
        for (Element e = entity; e instanceof TypeElement; e = e.getEnclosingElement()) {
            names.addFirst(e.getSimpleName().toString());
        }
        return String.join("_", names) + "_";
    }

    /** The metamodel class's qualified name, as the Filer wants it. */
    String qualifiedName() {
        return packageName.isEmpty() ? simpleName : packageName + "." + simpleName;
    }
}
