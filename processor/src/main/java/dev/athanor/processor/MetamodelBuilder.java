package dev.athanor.processor;

import javax.lang.model.element.Element;
import javax.lang.model.element.ModuleElement;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.PrimitiveType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Analyses an entity class into the {@link Metamodel} to generate: finds the mapped fields, classifies each
 * ({@link AttributeKind}) and renders its types. Reports what would keep the generated code from compiling (a
 * field type it cannot name, a relationship whose target it cannot tell) rather than generating broken code.
 */
final class MetamodelBuilder {

    /** The result of {@link #build}. */
    sealed interface Outcome permits Ready, Unresolved, Invalid {
    }

    /** The metamodel can be generated. */
    record Ready(Metamodel metamodel) implements Outcome {
    }

    /** A type the entity uses does not exist yet (another processor will generate it): try again next round. */
    record Unresolved() implements Outcome {
    }

    /** Errors to report, each on an element. */
    record Invalid(List<Problem> problems) implements Outcome {
    }

    /** An error message and the element it is about. */
    record Problem(Element element, String message) {
    }

    private final Elements elements;
    private final Types types;

    MetamodelBuilder(Elements elements, Types types) {
        this.elements = elements;
        this.types = types;
    }

    /** Analyses {@code entity}, which {@link EntityRules} accepted. */
    Outcome build(TypeElement entity) {
        Optional<List<VariableElement>> fields = MappedFields.of(entity);
        if (fields.isEmpty()) {
            return new Unresolved();
        }
        DeclaredType entityType = (DeclaredType) entity.asType();
        PackageElement pkg = elements.getPackageOf(entity);
        List<Metamodel.MappedAttribute> attributes = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Set<TypeElement> named = new LinkedHashSet<>();
        named.add(entity);
        for (VariableElement field : fields.get()) {
            // As a member of the entity, so that a field of a generic superclass (Base<K>: K id) gets its actual type.
            TypeMirror type = types.asMemberOf(entityType, field);
            if (!TypeNames.isResolved(type)) {
                return new Unresolved();
            }
            Element reportOn = field.getEnclosingElement().equals(entity) ? field : entity;
            Set<TypeElement> fieldClasses = new LinkedHashSet<>();
            TypeNames.collectClasses(type, fieldClasses);
            for (TypeElement used : fieldClasses) {
                if (!TypeNames.isAccessible(used, pkg, elements)) {
                    problems.add(new Problem(reportOn, "The type of field " + field.getSimpleName() + " of "
                            + entity.getSimpleName() + " uses " + used.getQualifiedName() + ", which the metamodel "
                            + Metamodel.simpleNameOf(entity) + " in package " + describe(pkg)
                            + " cannot access: make it public or move it to that package (not private)"));
                }
            }
            named.addAll(fieldClasses);
            if (Names.isAnnotated(field, Names.RELATIONSHIP)) {
                relationship(field, type).ifPresentOrElse(attributes::add, () -> problems.add(new Problem(reportOn,
                        "@Relationship field " + field.getSimpleName() + " of " + entity.getSimpleName()
                                + " must have an entity class type (Group group) or be a List, Set or Collection of"
                                + " one (List<User> members), not " + type)));
            } else {
                attributes.add(column(field, type));
            }
        }
        if (!problems.isEmpty()) {
            return new Invalid(problems);
        }
        boolean deprecated = named.stream().anyMatch(type -> TypeNames.isDeprecated(type, elements));
        return new Ready(new Metamodel(pkg.isUnnamed() ? "" : pkg.getQualifiedName().toString(),
                Metamodel.simpleNameOf(entity), entity.getQualifiedName().toString(), attributes,
                canUseGeneratedAnnotation(entity), deprecated));
    }

    private Metamodel.MappedAttribute column(VariableElement field, TypeMirror type) {
        TypeMirror boxed = type.getKind().isPrimitive() ? types.boxedClass((PrimitiveType) type).asType() : type;
        return new Metamodel.MappedAttribute(field.getSimpleName().toString(), AttributeKind.ofColumn(boxed),
                TypeNames.source(boxed), TypeNames.classLiteral(types.erasure(boxed)), false);
    }

    /**
     * A relationship attribute: to one entity if the field's type is a class, to many if it is a collection of one.
     * Empty if the target entity cannot be told or named without raw types (a raw {@code List}, a
     * {@code List<?>}, a generic class).
     */
    private Optional<Metamodel.MappedAttribute> relationship(VariableElement field, TypeMirror type) {
        TypeMirror target = type;
        Optional<DeclaredType> collection = collectionSupertype(type);
        if (collection.isPresent()) {
            List<? extends TypeMirror> arguments = collection.get().getTypeArguments();
            if (arguments.size() != 1) {
                return Optional.empty();
            }
            target = arguments.get(0);
            if (target.getKind() == TypeKind.WILDCARD) {
                target = ((WildcardType) target).getExtendsBound();   // List<? extends User>: User
                if (target == null) {
                    return Optional.empty();
                }
            }
        }
        if (target.getKind() != TypeKind.DECLARED
                || !((TypeElement) ((DeclaredType) target).asElement()).getTypeParameters().isEmpty()) {
            return Optional.empty();
        }
        String targetName = TypeNames.source(target);
        return Optional.of(new Metamodel.MappedAttribute(field.getSimpleName().toString(),
                AttributeKind.RELATIONSHIP, targetName, targetName + ".class", collection.isPresent()));
    }

    /**
     * {@code java.util.Collection<T>} as a supertype of {@code type} ({@code List<User>} gives
     * {@code Collection<User>}), or empty if {@code type} is not a collection.
     */
    private Optional<DeclaredType> collectionSupertype(TypeMirror type) {
        Deque<TypeMirror> pending = new ArrayDeque<>(List.of(type));
        while (!pending.isEmpty()) {
            TypeMirror candidate = pending.removeFirst();
            if (candidate.getKind() != TypeKind.DECLARED) {
                continue;
            }
            DeclaredType declared = (DeclaredType) candidate;
            if (((TypeElement) declared.asElement()).getQualifiedName().contentEquals(Names.COLLECTION)) {
                return Optional.of(declared);
            }
            pending.addAll(types.directSupertypes(candidate));
        }
        return Optional.empty();
    }

    /**
     * Whether the generated code can carry {@code @javax.annotation.processing.Generated}: always on the class
     * path, but an entity in a named module sees it only if the module reads java.compiler.
     */
    private boolean canUseGeneratedAnnotation(TypeElement entity) {
        ModuleElement module = elements.getModuleOf(entity);
        if (module == null || module.isUnnamed()) {
            return elements.getTypeElement(Names.GENERATED) != null;
        }
        return elements.getTypeElement(module, Names.GENERATED) != null;
    }

    private static String describe(PackageElement pkg) {
        return pkg.isUnnamed() ? "(unnamed)" : pkg.getQualifiedName().toString();
    }
}
