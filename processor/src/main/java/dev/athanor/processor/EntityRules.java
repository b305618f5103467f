package dev.athanor.processor;

import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The checks on the annotated type itself that the processor makes, because without them it could not generate a
 * metamodel that compiles, or because the mistake is cheap to catch at compile time. The rest of the mapping (column
 * types, keys, relationships) is validated by the runtime, which knows the whole registry.
 */
final class EntityRules {

    private EntityRules() {
    }

    /** The errors to report on {@code type}, annotated {@code @Entity}; empty if it can have a metamodel. */
    static List<String> problems(TypeElement type) {
        String name = type.getSimpleName().toString();
        if (type.getKind() != ElementKind.CLASS) {
            return List.of("@Entity must annotate a class, but " + name + " is " + describe(type.getKind())
                    + ": the ORM instantiates entity classes and generates subclasses of them");
        }
        List<String> problems = new ArrayList<>();
        if (type.getModifiers().contains(Modifier.FINAL)) {
            problems.add("@Entity class " + name + " must not be final: the ORM generates subclasses for lazy loading");
        }
        if (isPrivate(type)) {
            problems.add("@Entity class " + name + " must not be private, nor nested in a private class: its metamodel "
                    + Metamodel.simpleNameOf(type) + " and the ORM's subclasses must be able to refer to it");
        }
        if (isGeneric(type)) {
            problems.add("@Entity class " + name + " must not be generic, nor an inner class of a generic class: "
                    + "the ORM maps rows to one concrete class");
        }
        return problems;
    }

    private static String describe(ElementKind kind) {
        return switch (kind) {
            case INTERFACE -> "an interface";
            case ANNOTATION_TYPE -> "an annotation interface";
            case ENUM -> "an enum";
            case RECORD -> "a record";
            default -> "a " + kind.name().toLowerCase(Locale.ROOT);
        };
    }

    private static boolean isPrivate(TypeElement type) {
        for (Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
            if (e.getModifiers().contains(Modifier.PRIVATE)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Type parameters on the class, or on an enclosing class of an inner (non-static) class: either way
     * {@code User.class} would be a raw type in the generated code.
     */
    private static boolean isGeneric(TypeElement type) {
        if (!type.getTypeParameters().isEmpty()) {
            return true;
        }
        return type.getNestingKind() == NestingKind.MEMBER && !type.getModifiers().contains(Modifier.STATIC)
                && type.getEnclosingElement() instanceof TypeElement outer && isGeneric(outer);
    }
}
