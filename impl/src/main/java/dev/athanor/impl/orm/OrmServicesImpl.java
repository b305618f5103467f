package dev.athanor.impl.orm;

import dev.athanor.ArgumentError;
import dev.athanor.Engine;
import dev.athanor.Select;
import dev.athanor.impl.orm.mapping.Mappers;
import dev.athanor.impl.orm.mapping.RegistryImpl;
import dev.athanor.impl.orm.session.SessionMakerImpl;
import dev.athanor.orm.Registry;
import dev.athanor.orm.SessionMaker;
import dev.athanor.schema.Column;
import dev.athanor.schema.Table;
import dev.athanor.spi.OrmServices;

import java.util.Collection;

/** The ORM side of the API's service lookup: mappings, registries and session makers. */
public final class OrmServicesImpl implements OrmServices {

    @Override
    public <E> Select<E> select(Class<E> entity) {
        return Mappers.of(entity).select();
    }

    @Override
    public Table table(Class<?> entity) {
        return Mappers.of(entity).table();
    }

    @Override
    public Column<?> column(Class<?> entity, String attribute) {
        return Mappers.of(entity).attribute(attribute).column();
    }

    @Override
    public Registry registry(Collection<Class<?>> entities) {
        return RegistryImpl.of(entities);
    }

    @Override
    public SessionMaker sessionMaker(Engine engine, Registry registry) {
        if (engine == null) {
            throw new ArgumentError("a SessionMaker needs an Engine");
        }
        if (registry != null && !(registry instanceof RegistryImpl)) {
            throw new ArgumentError("registry " + registry + " was not made by Registry.of()");
        }
        return new SessionMakerImpl(engine, registry == null ? RegistryImpl.open() : (RegistryImpl) registry, true);
    }
}
