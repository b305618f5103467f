package dev.athanor.orm;

import dev.athanor.schema.MetaData;
import dev.athanor.schema.Table;
import dev.athanor.spi.OrmServices;

import java.util.Collection;
import java.util.List;

/**
 * A set of mapped classes, validated together (SQLAlchemy's declarative registry), with the Core {@link MetaData} of
 * their tables for DDL. Every problem of every class is reported at once as a {@link MappingError}.
 *
 * {@snippet :
 * Registry registry = Registry.of(User.class, Group.class, UserPermission.class, Permission.class, Article.class);
 * registry.metadata().createAll(engine);       // tables, indexes, unique constraints, FKs, in FK order
 * registry.table(User.class).create(engine);
 * registry.metadata().dropAll(engine);
 * }
 */
public interface Registry {

    /** Maps and validates these classes. */
    static Registry of(Class<?>... entities) {
        return OrmServices.get().registry(List.of(entities));
    }

    static Registry of(Collection<Class<?>> entities) {
        return OrmServices.get().registry(entities);
    }

    /** The tables of the mapped classes. */
    MetaData metadata();

    /** The table {@code entity} is mapped to. */
    Table table(Class<?> entity);

    /** The mapped classes. */
    List<Class<?>> entities();

    /** Whether {@code entity} is mapped here. */
    boolean contains(Class<?> entity);
}
