/**
 * The annotation processor that generates the static metamodel ({@code User_}) of every {@code @Entity}, with one
 * typed attribute per mapped field, and the index {@code META-INF/athanor/entities} of the entity classes that the
 * CDI extension reads. It depends on athanor-api only, and is used from {@code annotationProcessorPaths}:
 *
 * {@snippet lang=xml :
 * <annotationProcessorPaths>
 *   <path><groupId>dev.athanor</groupId><artifactId>athanor-processor</artifactId></path>
 * </annotationProcessorPaths>
 * }
 *
 * <p>For {@code app.User}, it generates:
 *
 * {@snippet :
 * @Generated("dev.athanor.processor.MetamodelProcessor")
 * public final class User_ {
 *     public static final NumericAttribute<User, Integer> id = new NumericAttribute<>(User.class, "id", Integer.class);
 *     public static final StringAttribute<User> name = new StringAttribute<>(User.class, "name");
 *     public static final ColumnAttribute<User, LocalDateTime> timeCreated =
 *             new ColumnAttribute<>(User.class, "timeCreated", LocalDateTime.class);
 *     public static final RelationshipAttribute<User, Group> group =
 *             new RelationshipAttribute<>(User.class, "group", Group.class, false);
 *     private User_() {
 *     }
 * }
 * }
 *
 * (the generated code spells every type fully qualified). The entry point is
 * {@link dev.athanor.processor.MetamodelProcessor}; the other classes are its parts.
 */
package dev.athanor.processor;
