package dev.athanor.processor;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * The qualified names of the types the processor reads and the generated code refers to. The processor matches
 * annotations by name rather than through {@code Entity.class}, so that it never loads athanor-api classes itself:
 * it works whatever version of the API the compiled project uses (a test checks the names against the API).
 */
final class Names {
    static final String ENTITY = "dev.athanor.orm.mapping.Entity";
    static final String ID = "dev.athanor.orm.mapping.Id";
    static final String COLUMN = "dev.athanor.orm.mapping.Column";
    static final String VERSION = "dev.athanor.orm.mapping.Version";
    static final String RELATIONSHIP = "dev.athanor.orm.mapping.Relationship";

    static final String COLUMN_ATTRIBUTE = "dev.athanor.orm.ColumnAttribute";
    static final String STRING_ATTRIBUTE = "dev.athanor.orm.StringAttribute";
    static final String NUMERIC_ATTRIBUTE = "dev.athanor.orm.NumericAttribute";
    static final String RELATIONSHIP_ATTRIBUTE = "dev.athanor.orm.RelationshipAttribute";

    static final String GENERATED = "javax.annotation.processing.Generated";
    static final String COLLECTION = "java.util.Collection";

    private Names() {
    }

    /** Whether {@code element} carries the annotation named {@code annotation} (a qualified name). */
    static boolean isAnnotated(Element element, String annotation) {
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
            if (type.getQualifiedName().contentEquals(annotation)) {
                return true;
            }
        }
        return false;
    }
}
