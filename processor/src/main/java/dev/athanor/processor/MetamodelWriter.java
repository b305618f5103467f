package dev.athanor.processor;

/**
 * Renders a {@link Metamodel} as the Java source of its class. The code names every type fully qualified (no
 * imports that could clash with the user's classes) and compiles without warnings under {@code -Xlint:all}.
 *
 * {@snippet lang=java :
 * @javax.annotation.processing.Generated("dev.athanor.processor.MetamodelProcessor")
 * public final class User_ {
 *     public static final dev.athanor.orm.StringAttribute<app.User> name =
 *             new dev.athanor.orm.StringAttribute<>(app.User.class, "name");
 *     private User_() {
 *     }
 * }
 * }
 */
final class MetamodelWriter {

    private MetamodelWriter() {
    }

    /** The source text of the metamodel class. */
    static String render(Metamodel metamodel) {
        StringBuilder out = new StringBuilder();
        if (!metamodel.packageName().isEmpty()) {
            out.append("package ").append(metamodel.packageName()).append(";\n\n");
        }
        out.append("/**\n * The static metamodel of {@code ").append(metamodel.entityName())
                .append("}: one typed attribute per mapped field.\n */\n");
        if (metamodel.generatedAnnotation()) {
            out.append("@").append(Names.GENERATED).append("(\"").append(MetamodelProcessor.class.getName())
                    .append("\")\n");
        }
        if (metamodel.suppressDeprecation()) {
            // The entity itself has these warnings where it uses the deprecated types; no need to repeat them here.
            out.append("@SuppressWarnings({\"deprecation\", \"removal\"})\n");
        }
        out.append("public final class ").append(metamodel.simpleName()).append(" {\n");
        for (Metamodel.MappedAttribute attribute : metamodel.attributes()) {
            out.append("\n    /** The mapped field {@code ").append(attribute.name()).append("}. */\n");
            out.append("    ").append(declaration(metamodel.entityName(), attribute)).append("\n");
        }
        out.append("\n    private ").append(metamodel.simpleName()).append("() {\n    }\n}\n");
        return out.toString();
    }

    private static String declaration(String entity, Metamodel.MappedAttribute attribute) {
        String attributeClass = attribute.kind().attributeClass();
        String name = attribute.name();
        String entityClass = entity + ".class";
        return switch (attribute.kind()) {
            case STRING -> "public static final " + attributeClass + "<" + entity + "> " + name
                    + " = new " + attributeClass + "<>(" + entityClass + ", \"" + name + "\");";
            case NUMERIC, COLUMN -> "public static final " + attributeClass + "<" + entity + ", "
                    + attribute.valueType() + "> " + name + " = new " + attributeClass + "<>(" + entityClass + ", \""
                    + name + "\", " + attribute.javaClass() + ");";
            case RELATIONSHIP -> "public static final " + attributeClass + "<" + entity + ", "
                    + attribute.valueType() + "> " + name + " = new " + attributeClass + "<>(" + entityClass + ", \""
                    + name + "\", " + attribute.javaClass() + ", " + attribute.collection() + ");";
        };
    }
}
