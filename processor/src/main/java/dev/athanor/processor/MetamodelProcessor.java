package dev.athanor.processor;

import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.tools.Diagnostic;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Generates the static metamodel of every {@code @Entity} class: for {@code app.User}, the class {@code app.User_}
 * with one typed attribute per mapped field ({@code User_.name} is a {@code StringAttribute<User>}), and the index
 * {@code META-INF/athanor/entities} of the compilation's entity classes.
 *
 * <p>It reports as errors an {@code @Entity} on something other than a class, on a final, private or generic class,
 * and what would keep the metamodel from compiling; the rest of the mapping is validated by the runtime.
 *
 * <p>It claims the annotations it supports, every one of {@code dev.athanor.orm.mapping} and {@code @Generated},
 * although it reads only {@code @Entity}: under {@code -Xlint:processing} (part of {@code -Xlint:all}) the compiler
 * warns about every annotation no processor claims, including the {@code @Generated} of the metamodel classes in
 * the next round. The mapping annotations are Athanor's own, meant for this processor and the runtime.
 */
@SupportedAnnotationTypes({"dev.athanor.orm.mapping.*", "javax.annotation.processing.Generated"})
public final class MetamodelProcessor extends AbstractProcessor {

    /**
     * Canonical names of the entities waiting for a type that another processor generates this round. Kept by name,
     * since elements are to be looked up again in each round.
     */
    private final Set<String> deferred = new LinkedHashSet<>();
    /** Canonical names of the entities whose metamodel is written, so that none is written twice. */
    private final Set<String> generated = new HashSet<>();
    private final EntityIndex index = new EntityIndex();
    private Elements elements;
    private Filer filer;
    private Messager messager;
    private MetamodelBuilder builder;

    /** Creates the processor; the compiler does, through the service loader. */
    public MetamodelProcessor() {
    }

    @Override
    public synchronized void init(ProcessingEnvironment environment) {
        super.init(environment);
        elements = environment.getElementUtils();
        filer = environment.getFiler();
        messager = environment.getMessager();
        builder = new MetamodelBuilder(elements, environment.getTypeUtils());
    }

    /** The latest version: the processor reads only classes, fields and types, which every new version keeps. */
    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        if (round.processingOver()) {
            // Entities still deferred use a type that never came: the compiler reports it; nothing to generate.
            if (!round.errorRaised()) {
                writeIndex();
            }
            return true;
        }
        for (TypeElement entity : entitiesOf(round)) {
            process(entity);
        }
        return true;
    }

    /** The entities deferred from the previous round, then those of this round. */
    private List<TypeElement> entitiesOf(RoundEnvironment round) {
        List<TypeElement> entities = new ArrayList<>();
        for (String name : deferred) {
            TypeElement entity = elements.getTypeElement(name);
            if (entity != null) {
                entities.add(entity);
            }
        }
        deferred.clear();
        TypeElement annotation = elements.getTypeElement(Names.ENTITY);
        if (annotation != null) {
            entities.addAll(ElementFilter.typesIn(round.getElementsAnnotatedWith(annotation)));
        }
        return entities;
    }

    private void process(TypeElement entity) {
        String name = entity.getQualifiedName().toString();
        if (generated.contains(name)) {
            return;
        }
        List<String> problems = EntityRules.problems(entity);
        if (!problems.isEmpty()) {
            problems.forEach(problem -> messager.printMessage(Diagnostic.Kind.ERROR, problem, entity));
            return;
        }
        MetamodelBuilder.Outcome outcome = builder.build(entity);
        if (outcome instanceof MetamodelBuilder.Unresolved) {
            deferred.add(name);
        } else if (outcome instanceof MetamodelBuilder.Invalid invalid) {
            invalid.problems().forEach(p -> messager.printMessage(Diagnostic.Kind.ERROR, p.message(), p.element()));
        } else if (outcome instanceof MetamodelBuilder.Ready ready) {
            generated.add(name);
            write(ready.metamodel(), entity);
            index.add(elements.getBinaryName(entity).toString());
        }
    }

    private void write(Metamodel metamodel, TypeElement entity) {
        // The entity and its superclasses are the originating elements: an incremental build regenerates the
        // metamodel when any of them changes.
        List<Element> origins = new ArrayList<>();
        for (Element type = entity; type instanceof TypeElement typeElement; type = superclassOf(typeElement)) {
            origins.add(type);
        }
        try (Writer out = filer.createSourceFile(metamodel.qualifiedName(), origins.toArray(Element[]::new))
                .openWriter()) {
            out.write(MetamodelWriter.render(metamodel));
        } catch (IOException e) {
            messager.printMessage(Diagnostic.Kind.ERROR,
                    "Cannot write the metamodel " + metamodel.qualifiedName() + ": " + e.getMessage(), entity);
        }
    }

    /** The superclass of {@code type}, or null at {@code java.lang.Object}. */
    private static Element superclassOf(TypeElement type) {
        if (type.getSuperclass().getKind() != TypeKind.DECLARED) {
            return null;
        }
        TypeElement superclass = (TypeElement) ((DeclaredType) type.getSuperclass()).asElement();
        return superclass.getQualifiedName().contentEquals("java.lang.Object") ? null : superclass;
    }

    private void writeIndex() {
        try {
            index.write(filer, elements);
        } catch (IOException e) {
            messager.printMessage(Diagnostic.Kind.ERROR, "Cannot write " + EntityIndex.PATH + ": " + e.getMessage());
        }
    }
}
