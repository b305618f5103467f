package dev.athanor.processor;

import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Elements;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Renders field types as Java source for the generated code, and answers what the code generator needs to know
 * about the types it names.
 *
 * <p>Every name is fully qualified, so that no import can clash with a class of the user's package. The text is built
 * from the type's structure rather than {@code TypeMirror.toString()}, which includes type annotations
 * ({@code java.lang.@Nullable String}) and spells raw types in a way that would earn rawtypes warnings.
 */
final class TypeNames {

    private TypeNames() {
    }

    /**
     * The source text of a type usable as a type argument: {@code java.util.List<java.lang.String>},
     * {@code byte[]}. A raw use of a generic class gets wildcards ({@code java.util.List<?>}), which say the same
     * without a rawtypes warning. {@code type} must not be primitive (box it first), a type variable or an error.
     */
    static String source(TypeMirror type) {
        return switch (type.getKind()) {
            case BOOLEAN, BYTE, SHORT, INT, LONG, CHAR, FLOAT, DOUBLE -> type.getKind().name().toLowerCase(Locale.ROOT);
            case ARRAY -> source(((ArrayType) type).getComponentType()) + "[]";
            case DECLARED -> declared((DeclaredType) type);
            case WILDCARD -> wildcard((WildcardType) type);
            default -> throw new IllegalArgumentException("A field of type " + type + " cannot be named in a metamodel");
        };
    }

    /** The class literal of a type's erasure: {@code java.util.List.class}, {@code byte[].class}. */
    static String classLiteral(TypeMirror erasure) {
        return erasedName(erasure) + ".class";
    }

    private static String erasedName(TypeMirror type) {
        return switch (type.getKind()) {
            case ARRAY -> erasedName(((ArrayType) type).getComponentType()) + "[]";
            case DECLARED -> ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().toString();
            default -> source(type);
        };
    }

    private static String declared(DeclaredType type) {
        TypeElement element = (TypeElement) type.asElement();
        List<? extends TypeMirror> arguments = type.getTypeArguments();
        String argumentText = "";
        if (!arguments.isEmpty()) {
            argumentText = arguments.stream().map(TypeNames::source).collect(Collectors.joining(", ", "<", ">"));
        } else if (!element.getTypeParameters().isEmpty()) {
            argumentText = Collections.nCopies(element.getTypeParameters().size(), "?").stream()
                    .collect(Collectors.joining(", ", "<", ">"));
        }
        // An inner class of a generic class is named through its parameterized outer class: Outer<String>.Inner.
        if (type.getEnclosingType().getKind() == TypeKind.DECLARED) {
            String outer = source(type.getEnclosingType());
            if (outer.endsWith(">")) {
                return outer + "." + element.getSimpleName() + argumentText;
            }
        }
        return element.getQualifiedName() + argumentText;
    }

    private static String wildcard(WildcardType type) {
        if (type.getExtendsBound() != null) {
            return "? extends " + source(type.getExtendsBound());
        }
        if (type.getSuperBound() != null) {
            return "? super " + source(type.getSuperBound());
        }
        return "?";
    }

    /**
     * Whether the compiler knows every class in {@code type}. A class that another annotation processor generates
     * in this round is an error type until the next round: the metamodel of an entity that uses it waits till then.
     */
    static boolean isResolved(TypeMirror type) {
        return switch (type.getKind()) {
            case ERROR -> false;
            case ARRAY -> isResolved(((ArrayType) type).getComponentType());
            case DECLARED -> {
                DeclaredType declared = (DeclaredType) type;
                yield declared.getTypeArguments().stream().allMatch(TypeNames::isResolved)
                        && isResolved(declared.getEnclosingType());
            }
            case WILDCARD -> {
                WildcardType wildcard = (WildcardType) type;
                yield (wildcard.getExtendsBound() == null || isResolved(wildcard.getExtendsBound()))
                        && (wildcard.getSuperBound() == null || isResolved(wildcard.getSuperBound()));
            }
            default -> true;
        };
    }

    /** Adds to {@code into} every class named in {@code type}, its type arguments and bounds. */
    static void collectClasses(TypeMirror type, Set<TypeElement> into) {
        switch (type.getKind()) {
            case ARRAY -> collectClasses(((ArrayType) type).getComponentType(), into);
            case DECLARED -> {
                DeclaredType declared = (DeclaredType) type;
                into.add((TypeElement) declared.asElement());
                declared.getTypeArguments().forEach(argument -> collectClasses(argument, into));
                collectClasses(declared.getEnclosingType(), into);
            }
            case WILDCARD -> {
                WildcardType wildcard = (WildcardType) type;
                if (wildcard.getExtendsBound() != null) {
                    collectClasses(wildcard.getExtendsBound(), into);
                }
                if (wildcard.getSuperBound() != null) {
                    collectClasses(wildcard.getSuperBound(), into);
                }
            }
            default -> {
                // primitives and the like name no class
            }
        }
    }

    /**
     * Whether code in package {@code from} can name {@code type}: neither it nor a class it is nested in is private,
     * and those that are not public (package-private or protected) are in {@code from}.
     */
    static boolean isAccessible(TypeElement type, PackageElement from, Elements elements) {
        Element e = type;
        while (e instanceof TypeElement) {
            Set<Modifier> modifiers = e.getModifiers();
            if (modifiers.contains(Modifier.PRIVATE)) {
                return false;
            }
            if (!modifiers.contains(Modifier.PUBLIC)
                    && !elements.getPackageOf(e).getQualifiedName().contentEquals(from.getQualifiedName())) {
                return false;
            }
            e = e.getEnclosingElement();
        }
        // A local or anonymous class, enclosed by a method, cannot be named from elsewhere.
        return e instanceof PackageElement;
    }

    /** Whether {@code type} or a class it is nested in is deprecated, so that naming it earns a warning. */
    static boolean isDeprecated(TypeElement type, Elements elements) {
        for (Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
            if (elements.isDeprecated(e)) {
                return true;
            }
        }
        return false;
    }
}
