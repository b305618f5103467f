package dev.athanor.spi;

import dev.athanor.AthanorException;
import dev.athanor.Engine;
import dev.athanor.Select;
import dev.athanor.orm.Registry;
import dev.athanor.orm.SessionMaker;
import dev.athanor.schema.Column;
import dev.athanor.schema.Table;

import java.util.Collection;
import java.util.ServiceLoader;

/**
 * What the ORM part of the API needs from the implementation: the mapping of a class (read once from its
 * annotations), registries and session makers. Registered in {@code META-INF/services/dev.athanor.spi.OrmServices}.
 *
 * {@snippet :
 * Table users = OrmServices.get().table(User.class);
 * }
 */
public interface OrmServices {

    /** {@code select(User.class)}: every non-deferred column of the entity's table, rows as entities. */
    <E> Select<E> select(Class<E> entity);

    /** The table {@code entity} is mapped to. */
    Table table(Class<?> entity);

    /** The column mapped from {@code attribute} (a field name) of {@code entity}. */
    Column<?> column(Class<?> entity, String attribute);

    /** A registry of these classes, validated as a whole. */
    Registry registry(Collection<Class<?>> entities);

    /** A session factory; {@code registry} null maps classes on first use. */
    SessionMaker sessionMaker(Engine engine, Registry registry);

    /** The implementation on the class path. */
    static OrmServices get() {
        return Holder.INSTANCE;
    }

    /** Lazy holder: the implementation is looked up on first use. */
    final class Holder {
        private Holder() {
        }

        static final OrmServices INSTANCE = ServiceLoader.load(OrmServices.class, OrmServices.class.getClassLoader())
                .findFirst().orElseThrow(() -> new AthanorException("no Athanor implementation on the class path: "
                        + "add the dependency dev.athanor:athanor-impl", null, "no-provider"));
    }
}
