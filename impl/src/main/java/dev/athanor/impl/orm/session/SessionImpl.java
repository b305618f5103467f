package dev.athanor.impl.orm.session;

import dev.athanor.ArgumentError;
import dev.athanor.Connection;
import dev.athanor.DatabaseError;
import dev.athanor.Delete;
import dev.athanor.Engine;
import dev.athanor.Executable;
import dev.athanor.Insert;
import dev.athanor.InvalidRequestError;
import dev.athanor.NoResultFound;
import dev.athanor.ResourceClosedError;
import dev.athanor.Result;
import dev.athanor.Row;
import dev.athanor.ScalarResult;
import dev.athanor.Select;
import dev.athanor.Update;
import dev.athanor.impl.engine.ConnectionImpl;
import dev.athanor.impl.orm.flush.UnitOfWork;
import dev.athanor.impl.orm.loading.DeferredLoader;
import dev.athanor.impl.orm.loading.LoadingSubclasses;
import dev.athanor.impl.orm.loading.OrmResult;
import dev.athanor.impl.orm.mapping.AttributeMapping;
import dev.athanor.impl.orm.mapping.EntityMapper;
import dev.athanor.impl.orm.mapping.LoadingSubclass;
import dev.athanor.impl.orm.mapping.RegistryImpl;
import dev.athanor.impl.orm.session.InstanceState.Status;
import dev.athanor.orm.ColumnAttribute;
import dev.athanor.orm.Registry;
import dev.athanor.orm.Session;
import dev.athanor.schema.Column;
import dev.athanor.sql.Expression;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The Session: an identity map, the states of the objects it holds, and one connection at a time (taken on first
 * use, given back at commit, rollback and close, as SQLAlchemy's session does).
 */
public final class SessionImpl implements Session, DeferredLoader, dev.athanor.impl.orm.loading.CollectionOwner {
    private final Engine engine;
    private final RegistryImpl registry;
    private final ThreadGuard guard = new ThreadGuard();
    private final IdentityMap identity = new IdentityMap();
    /** Whether {@link #states} holds a lazy-loading subclass object (which must be detached at close). */
    private boolean loadingObjects;
    /** While a {@code ReadOnly.TRUE} select (and the relationship loads it makes) runs: new objects are read-only. */
    private boolean loadReadOnly;
    private final SessionStates states = new SessionStates();
    private final BulkOperations bulk = new BulkOperations(this);
    private final RelationshipLoader relationships = new RelationshipLoader(this);
    private final RelationshipFlush relationshipFlush = new RelationshipFlush(this);
    private final dev.athanor.orm.NPlusOneGuard nPlusOneGuard;
    private final Map<dev.athanor.impl.orm.mapping.RelationshipMapping, int[]> lazyLoads = new HashMap<>();
    private boolean autoflush;
    private long sequence;
    private boolean flushing;
    private boolean closed;
    private RuntimeException failedFlush;
    private ConnectionImpl connection;
    /** Set by the asyncio layer: told before SQL runs implicitly (lazy or deferred load); throws where not allowed. */
    private java.util.function.Consumer<String> implicitLoadCheck;

    SessionImpl(Engine engine, RegistryImpl registry, boolean autoflush) {
        this(engine, registry, autoflush, dev.athanor.orm.NPlusOneGuard.DEFAULT);
    }

    SessionImpl(Engine engine, RegistryImpl registry, boolean autoflush, dev.athanor.orm.NPlusOneGuard guard) {
        this.nPlusOneGuard = guard;
        this.engine = engine;
        this.registry = registry;
        this.autoflush = autoflush;
    }

    /**
     * Installs the check called with "Entity.attribute" before this session runs SQL implicitly for a lazy
     * relationship or deferred column; the asyncio layer refuses such loads off its worker threads.
     */
    public void implicitLoadCheck(java.util.function.Consumer<String> check) {
        this.implicitLoadCheck = check;
    }

    /** Whether the session holds a pooled connection now (between its first statement and commit/rollback/close). */
    public boolean holdsConnection() {
        ConnectionImpl held = connection;
        return held != null && !held.isClosed();
    }

    void beforeImplicitLoad(String entity, String attribute) {
        if (implicitLoadCheck != null) { // only asyncio sessions pay for the name
            implicitLoadCheck.accept(entity + "." + attribute);
        }
    }

    // ------------------------------------------------------------------ guard

    private <T> T guarded(Supplier<T> work) {
        guard.enter();
        try {
            return work.get();
        } finally {
            guard.leave();
        }
    }

    private void guardedRun(Runnable work) {
        guard.enter();
        try {
            work.run();
        } finally {
            guard.leave();
        }
    }

    private void checkUsable() {
        if (closed) {
            throw new ResourceClosedError("this Session is closed");
        }
        if (failedFlush != null) {
            throw new InvalidRequestError("this Session's transaction was rolled back because of an error during "
                    + "flush; call session.rollback() before using it again. The error was: "
                    + failedFlush.getMessage(), failedFlush, "flush-failed");
        }
    }

    // ------------------------------------------------------------------ connection

    /** The connection of the current transaction, opened on first use. */
    ConnectionImpl conn() {
        checkUsable();
        if (connection == null || connection.isClosed()) {
            Connection opened = engine.connect();
            if (!(opened instanceof ConnectionImpl impl)) {
                opened.close();
                throw new ArgumentError("the engine " + engine + " is not an athanor-impl engine");
            }
            connection = impl;
        }
        return connection;
    }

    private void releaseConnection() {
        if (connection != null) {
            try {
                connection.close();
            } finally {
                connection = null;
            }
        }
    }

    @Override
    public Connection connection() {
        return guarded(this::conn);
    }

    @Override
    public boolean inTransaction() {
        return connection != null && connection.inTransaction();
    }

    @Override
    public Registry registry() {
        return registry;
    }

    RegistryImpl registryImpl() {
        return registry;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public boolean autoflush() {
        return autoflush;
    }

    @Override
    public void setAutoflush(boolean value) {
        this.autoflush = value;
    }

    @Override
    public void noAutoflush(Runnable work) {
        guardedRun(() -> {
            boolean before = autoflush;
            autoflush = false;
            try {
                work.run();
            } finally {
                autoflush = before;
            }
        });
    }

    // ------------------------------------------------------------------ unit of work

    @Override
    public void add(Object entity) {
        guardedRun(() -> {
            checkUsable();
            attach(entity);
        });
    }

    private InstanceState attach(Object entity) {
        InstanceState state = states.get(entity);
        if (state == null) {
            state = attachCascaded(entity);
            if (state.relationships().length > 0) {   // an object without relationships cascades to nothing
                List<InstanceState> added = new ArrayList<>();
                added.add(state);
                for (int i = 0; i < added.size(); i++) {
                    relationshipFlush.cascadeAdd(added.get(i), added);
                }
            }
        } else if (state.status() == Status.DELETED) {
            state.status(Status.PERSISTENT);
        }
        return state;
    }

    /** A new pending state for an object met through a relationship (the cascade walks on from it). */
    InstanceState attachCascaded(Object entity) {
        EntityMapper mapper = registry.mapperOf(entity);
        if (mapper.identityColumn() == null && mapper.keyOf(entity) != null) {
            InstanceState existing = identity.get(mapper, mapper.keyOf(entity));
            if (existing != null && existing.entity() != entity) {
                throw new InvalidRequestError("cannot add " + existing.describe() + ": another object with the same "
                        + "key is already in this session; merge() it instead");
            }
        }
        InstanceState state = new InstanceState(entity, mapper, Status.PENDING);
        state.relationships(registry.relationships(mapper));
        state.sequence(++sequence);
        states.add(state);
        loadingObjects |= entity instanceof LoadingSubclass;
        return state;
    }

    /** A pending object removed by a delete cascade or as an orphan: it is simply not inserted. */
    void expungePending(InstanceState state) {
        states.remove(state);
    }

    InstanceState stateOf(Object entity) {
        return states.get(entity);
    }

    dev.athanor.impl.orm.mapping.RelationshipMapping[] relationshipsOf(EntityMapper mapper) {
        return registry.relationships(mapper);
    }

    RelationshipLoader relationshipLoader() {
        return relationships;
    }

    @Override
    public void addAll(Collection<?> entities) {
        guardedRun(() -> {
            checkUsable();
            states.reserve(entities.size());
            for (Object entity : entities) {
                attach(entity);
            }
        });
    }

    @Override
    public void delete(Object entity) {
        guardedRun(() -> {
            checkUsable();
            InstanceState state = states.get(entity);
            if (state == null) {
                EntityMapper mapper = registry.mapperOf(entity);
                throw new InvalidRequestError(mapper.entityName() + " " + entity + " is not in this session: load it "
                        + "with get() or merge() it before delete()");
            }
            if (state.status() == Status.PENDING) {
                states.remove(state);
            } else {
                state.status(Status.DELETED);
            }
        });
    }

    @Override
    public <E, T> void assign(E entity, ColumnAttribute<? super E, T> attribute, Expression<? extends T> value) {
        guardedRun(() -> {
            checkUsable();
            InstanceState state = states.get(entity);
            if (state == null || state.status() != Status.PERSISTENT) {
                throw new InvalidRequestError("assign() needs a persistent object of this session (loaded or "
                        + "flushed); " + entity + " is " + (state == null ? "not in the session" : state.status()));
            }
            AttributeMapping mapped = state.mapper().attribute(attribute.name());
            if (mapped.isPrimaryKey() || mapped.isVersion()) {
                throw new ArgumentError("assign(): " + mapped.describe() + " is a primary key or version column");
            }
            state.assign(mapped, value);
        });
    }

    @Override
    public void flush() {
        guardedRun(() -> {
            checkUsable();
            doFlush();
        });
    }

    void doFlush() {
        if (flushing) {
            return;
        }
        dev.athanor.impl.orm.flush.FlushPlan plan = dev.athanor.impl.orm.flush.FlushPlan.EMPTY;
        List<InstanceState> work = new ArrayList<>();
        flushing = true;
        try {
            if (registry.hasRelationships()) {
                plan = relationshipFlush.prepare(new ArrayList<>(states.values()));
            }
            for (InstanceState state : states.values()) {
                if (state.status() != Status.PERSISTENT || state.isModified() || plan.hasLinks(state)) {
                    work.add(state);
                }
            }
            if (work.isEmpty() && plan.isEmpty()) {
                return;
            }
            lazyLoads.clear();
            SequenceOrder.sort(work);
            UnitOfWork.Outcome outcome = new UnitOfWork(conn()).flush(work, registry.flushOrder(), plan);
            List<InstanceState> inserted = outcome.inserted();
            EntityMapper reserved = null;
            for (int i = 0; i < inserted.size(); i++) {
                InstanceState state = inserted.get(i);
                EntityMapper mapper = state.mapper();
                if (mapper != reserved) {   // the rows of one entity are together: room for them in one step
                    identity.reserve(mapper, countFrom(inserted, i));
                    reserved = mapper;
                }
                state.status(Status.PERSISTENT);
                state.key(mapper.keyOf(state.entity()));
                state.insertedInTransaction(true);
                identity.put(mapper, state.key(), state);   // the snapshot: the flush's (the values it inserted)
            }
            for (InstanceState state : outcome.updated()) {
                state.clearAssigned();
                state.takeSnapshot();
            }
            for (InstanceState state : outcome.deleted()) {
                forget(state);
            }
            if (registry.hasRelationships()) {
                relationshipFlush.afterFlush(states.values());
            }
        } catch (RuntimeException e) {
            failedFlush = e;
            if (connection != null) {
                try {
                    connection.rollback();
                } catch (RuntimeException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e instanceof DatabaseError db ? FlushErrors.withContext(db, work) : e;
        } finally {
            flushing = false;
        }
    }

    /** How many states from {@code from} on have the mapper of the state at {@code from}, without a break. */
    private static int countFrom(List<InstanceState> states, int from) {
        EntityMapper mapper = states.get(from).mapper();
        int end = from + 1;
        while (end < states.size() && states.get(end).mapper() == mapper) {
            end++;
        }
        return end - from;
    }

    void forget(InstanceState state) {
        states.remove(state);
        if (state.key() != null) {
            identity.remove(state.mapper(), state.key());
        }
        if (state.entity() instanceof LoadingSubclass loading) {
            detachLoading(state, loading);
        }
    }

    /** A lazy-loading instance leaving the session: its unloaded deferred getters and to-ones will say so. */
    private void detachLoading(InstanceState state, LoadingSubclass loading) {
        List<AttributeMapping> unloaded = null;
        for (AttributeMapping deferred : state.mapper().deferred()) {
            if (!state.isLoaded(deferred)) {
                unloaded = unloaded == null ? new ArrayList<>() : unloaded;
                unloaded.add(deferred);
            }
        }
        List<dev.athanor.impl.orm.mapping.RelationshipMapping> toOnes = null;
        for (dev.athanor.impl.orm.mapping.RelationshipMapping relationship : state.relationships()) {
            if (relationship.getterMethod() != null && !RelationshipLoader.isLoaded(state, relationship)) {
                toOnes = toOnes == null ? new ArrayList<>() : toOnes;
                toOnes.add(relationship);
            }
        }
        loading.athanor$state(unloaded == null && toOnes == null ? null
                : new DetachedDeferred(state.describe(), unloaded == null ? List.of() : unloaded,
                toOnes == null ? List.of() : toOnes));
    }

    /** Stands in for the session once an object with unloaded attributes leaves it: their getters fail. */
    private record DetachedDeferred(String object, List<AttributeMapping> unloaded,
            List<dev.athanor.impl.orm.mapping.RelationshipMapping> toOnes) implements DeferredLoader {
        @Override
        public void loadDeferred(Object entity) {
            for (AttributeMapping attribute : unloaded) {
                if (attribute.get(entity) == null) {
                    throw new dev.athanor.orm.DetachedInstanceError("cannot load the deferred columns of " + object
                            + " (" + unloaded.stream().map(AttributeMapping::name).toList() + "): the object is "
                            + "detached (its session is closed, or it was expunged); read them while the session is "
                            + "open, or select with undefer()");
                }
            }
        }

        @Override
        public void loadToOne(Object entity, String getterName) {
            for (dev.athanor.impl.orm.mapping.RelationshipMapping relationship : toOnes) {
                if (getterName.equals(relationship.getterMethod()) && relationship.get(entity) == null) {
                    String name = relationship.owner().entityName();
                    throw new dev.athanor.orm.DetachedInstanceError(object + "." + relationship.name()
                            + " is not loaded and " + object + " is detached (its session is closed, or it was "
                            + "expunged), so nothing can load it; load it while the session is open, with the query "
                            + "(select(" + name + ".class).options(selectinLoad(" + name + "_." + relationship.name()
                            + ")) or joinedLoad), or read it before closing the session");
                }
            }
        }
    }

    @Override
    public void loadToOne(Object entity, String getterName) {
        guardedRun(() -> relationships.loadToOne(entity, getterName));
    }

    @Override
    public void loadCollection(dev.athanor.impl.orm.loading.TrackedCollection collection) {
        guardedRun(() -> {
            InstanceState owner = implicitLoadCheck == null || closed ? null : states.get(collection.ownerEntity());
            if (owner != null && !collection.isLoaded() && owner.status() != Status.PENDING) {
                beforeImplicitLoad(owner.mapper().entityName(), collection.relationship().name());
            }
            if (!closed && states.contains(collection.ownerEntity())) {
                autoflushNow();
            }
            relationships.loadCollection(collection);
        });
    }

    @Override
    public void memberAdded(dev.athanor.impl.orm.loading.TrackedCollection collection, Object member) {
        dev.athanor.impl.orm.mapping.RelationshipMapping relationship = collection.relationship();
        if (member == null || !relationship.target().type().isInstance(member)) {
            throw new ArgumentError(relationship + " holds " + relationship.target().entityName() + " objects, not "
                    + (member == null ? "null" : member.getClass().getName()));
        }
        Object owner = collection.ownerEntity();
        if (!closed && states.contains(owner) && !states.contains(member)) {
            attach(member);
        }
        dev.athanor.impl.orm.mapping.RelationshipMapping back = relationship.back();
        if (back == null) {
            return;
        }
        if (!back.isCollection()) {
            Object old = back.get(member);
            if (old != owner) {
                back.set(member, owner);
                if (old != null && relationship.get(old) instanceof dev.athanor.impl.orm.loading.TrackedCollection
                        previous && previous != collection) {
                    previous.removeSilently(member);
                }
            }
        } else if (back.get(member) instanceof dev.athanor.impl.orm.loading.TrackedCollection other) {
            other.addSilently(owner);
        } else if (back.get(member) instanceof java.util.Collection<?> plain
                && !RelationshipFlush.containsSame(plain, owner)) {
            @SuppressWarnings("unchecked")
            java.util.Collection<Object> writable = (java.util.Collection<Object>) plain;
            writable.add(owner);
        }
    }

    @Override
    public void memberRemoved(dev.athanor.impl.orm.loading.TrackedCollection collection, Object member) {
        dev.athanor.impl.orm.mapping.RelationshipMapping back = collection.relationship().back();
        if (back == null || member == null) {
            return;
        }
        Object owner = collection.ownerEntity();
        if (!back.isCollection()) {
            if (back.get(member) == owner) {
                back.set(member, null);
            }
        } else if (back.get(member) instanceof dev.athanor.impl.orm.loading.TrackedCollection other) {
            other.removeSilently(owner);
        } else if (back.get(member) instanceof java.util.Collection<?> plain) {
            plain.removeIf(candidate -> candidate == owner);
        }
    }

    /** Counts a lazy load for the N+1 guard: warns or fails once one relationship loads too often. */
    void lazyLoadStarting(dev.athanor.impl.orm.mapping.RelationshipMapping relationship) {
        if (nPlusOneGuard.action() == dev.athanor.orm.NPlusOneGuard.Action.OFF) {
            return;
        }
        int[] count = lazyLoads.computeIfAbsent(relationship, r -> new int[2]);
        if (++count[0] <= nPlusOneGuard.threshold()) {
            return;
        }
        String message = "N+1 queries: " + relationship + " loaded lazily " + count[0] + " times since the last flush"
                + " (one query per " + relationship.owner().entityName() + "); load it with the query: select("
                + relationship.owner().entityName() + ".class).options(selectinLoad(" + relationship.owner().entityName()
                + "_." + relationship.name() + ")), or joinedLoad";
        if (nPlusOneGuard.action() == dev.athanor.orm.NPlusOneGuard.Action.RAISE) {
            throw new dev.athanor.orm.LazyLoadError(message);
        }
        if (count[1]++ == 0) {
            org.jboss.logging.Logger.getLogger(Session.class).warn(message);
        }
    }

    private void autoflushNow() {
        if (autoflush && !flushing) {
            doFlush();
        }
    }

    @Override
    public void commit() {
        guardedRun(() -> {
            checkUsable();
            doFlush();
            if (connection != null) {
                connection.commit();
                releaseConnection();
            }
            for (InstanceState state : states.values()) {
                state.insertedInTransaction(false);
            }
            lazyLoads.clear();
        });
    }

    @Override
    public void rollback() {
        guardedRun(() -> {
            if (closed) {
                return;
            }
            try {
                if (connection != null && !connection.isClosed()) {
                    connection.rollback();
                }
            } finally {
                releaseConnection();
                failedFlush = null;
                afterRollback();
            }
        });
    }

    /**
     * As SQLAlchemy: objects added or inserted in the rolled-back transaction leave the session (generated keys
     * cleared); objects marked deleted are persistent again; persistent objects are expired, reloaded when met next.
     */
    private void afterRollback() {
        for (InstanceState state : new ArrayList<>(states.values())) {
            if (state.status() == Status.PENDING || state.insertedInTransaction()) {
                AttributeMapping identityColumn = state.mapper().identityColumn();
                if (state.insertedInTransaction() && identityColumn != null) {
                    identityColumn.set(state.entity(), null);
                }
                forget(state);
                continue;
            }
            if (state.status() == Status.DELETED) {
                state.status(Status.PERSISTENT);
            }
            state.clearAssigned();
            expireState(state);
        }
    }

    /** Expired: columns reload when the object is met next, relationships when used next. */
    private void expireState(InstanceState state) {
        state.expired(true);
        dev.athanor.impl.orm.mapping.RelationshipMapping[] rels = state.relationships();
        if (rels.length > 0) {
            relationships.install(state, rels);
        }
    }

    @Override
    public void close() {
        guardedRun(() -> {
            if (closed) {
                return;
            }
            try {
                if (connection != null && !connection.isClosed()) {
                    connection.rollback();
                }
            } finally {
                releaseConnection();
                detachAll();
                closed = true;
            }
        });
    }

    // ------------------------------------------------------------------ identity map

    @Override
    public <E> E get(Class<E> entity, Object primaryKey) {
        return guarded(() -> {
            checkUsable();
            EntityMapper mapper = registry.mapper(entity);
            Object key = mapper.normalizeKey(primaryKey);
            InstanceState state = identity.get(mapper, key);
            if (state != null && !state.isExpired()) {
                return state.status() == Status.DELETED ? null : entity.cast(state.entity());
            }
            autoflushNow();
            LoadPlan plan = LoadPlan.plain(registry, mapper);
            plan.populateExisting = true;
            List<E> found = loadEntities(plan, mapper.keyLookup(), keyParameters(mapper, key));
            return found.isEmpty() ? null : found.get(0);
        });
    }

    @Override
    public <E> E getOne(Class<E> entity, Object primaryKey) {
        E found = get(entity, primaryKey);
        if (found == null) {
            throw new NoResultFound("no " + entity.getSimpleName() + " with primary key " + primaryKey);
        }
        return found;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Expression<Boolean> keyCondition(EntityMapper mapper, Object key) {
        AttributeMapping[] pk = mapper.primaryKey();
        if (pk.length == 1) {
            return ((Column) pk[0].column()).eq(key);
        }
        List<?> parts = (List<?>) key;
        Expression<Boolean>[] conditions = new Expression[pk.length];
        for (int i = 0; i < pk.length; i++) {
            conditions[i] = ((Column) pk[i].column()).eq(parts.get(i));
        }
        return dev.athanor.Sql.and(conditions);
    }

    @Override
    public boolean contains(Object entity) {
        InstanceState state = states.get(entity);
        return state != null && state.status() != Status.DELETED;
    }

    @Override
    public void expunge(Object entity) {
        guardedRun(() -> {
            InstanceState state = states.get(entity);
            if (state == null) {
                throw new InvalidRequestError(entity + " is not in this session");
            }
            forget(state);
        });
    }

    @Override
    public void expungeAll() {
        guardedRun(this::detachAll);
    }

    /** Forgets every object: only lazy-loading instances need per-object work, the maps are simply emptied. */
    private void detachAll() {
        if (loadingObjects) {   // else no object needs detaching: no walk over the objects at close
            for (InstanceState state : states.values()) {
                if (state.entity() instanceof LoadingSubclass loading) {
                    detachLoading(state, loading);
                }
            }
            loadingObjects = false;
        }
        states.clear();
        identity.clear();
    }

    @Override
    public void expire(Object entity) {
        guardedRun(() -> expireState(persistentState(entity, "expire")));
    }

    @Override
    public void expireAll() {
        guardedRun(() -> states.values().stream().filter(s -> s.status() == Status.PERSISTENT)
                .forEach(this::expireState));
    }

    @Override
    public void refresh(Object entity) {
        guardedRun(() -> {
            checkUsable();
            InstanceState state = persistentState(entity, "refresh");
            EntityMapper mapper = state.mapper();
            state.expired(true);
            state.clearAssigned();
            LoadPlan plan = LoadPlan.plain(registry, mapper);
            plan.populateExisting = true;
            List<Object> found = loadEntities(plan, mapper.select().where(keyCondition(mapper, state.key())), null);
            if (found.isEmpty()) {
                forget(state);
                throw new InvalidRequestError("could not refresh " + state.describe() + ": the row is gone");
            }
        });
    }

    /**
     * Loads the named relationship of a persistent object if it is not loaded yet: the explicit load behind the
     * asyncio layer's {@code refresh(entity, "attribute")}.
     */
    public void loadRelationship(Object entity, String attribute) {
        guardedRun(() -> {
            checkUsable();
            InstanceState state = persistentState(entity, "refresh");
            for (dev.athanor.impl.orm.mapping.RelationshipMapping relationship : state.relationships()) {
                if (relationship.name().equals(attribute)) {
                    relationships.loadNow(state, relationship);
                    return;
                }
            }
            throw new ArgumentError(state.mapper().entityName() + " has no relationship named '" + attribute
                    + "'; its relationships are " + java.util.Arrays.stream(state.relationships())
                            .map(dev.athanor.impl.orm.mapping.RelationshipMapping::name).toList());
        });
    }

    private InstanceState persistentState(Object entity, String operation) {
        InstanceState state = states.get(entity);
        if (state == null || state.status() == Status.PENDING) {
            throw new InvalidRequestError(operation + "(): " + entity + " is not a persistent object of this session");
        }
        return state;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <E> E merge(E entity) {
        return guarded(() -> {
            checkUsable();
            return (E) mergeOne(entity, new IdentityHashMap<>());
        });
    }

    /**
     * Merges one object and, as SQLAlchemy's {@code merge} cascade, the related objects its loaded relationships
     * hold (an unloaded collection, or a to-one that is null, is left as the session has it).
     */
    private Object mergeOne(Object entity, Map<Object, Object> merged) {
        if (states.contains(entity)) {
            return entity;
        }
        Object done = merged.get(entity);
        if (done != null) {
            return done;
        }
        EntityMapper mapper = registry.mapperOf(entity);
        Object key = mapper.keyOf(entity);
        Object target = key == null ? null : get(mapper.type(), key);
        boolean created = target == null;
        if (created) {
            target = mapper.newInstance();
        }
        merged.put(entity, target);
        copyColumns(mapper, entity, target);
        for (dev.athanor.impl.orm.mapping.RelationshipMapping relationship : registry.relationships(mapper)) {
            Object value = relationship.get(entity);
            if (value == null || (value instanceof dev.athanor.impl.orm.loading.TrackedCollection tracked
                    && !tracked.isLoaded())) {
                continue;
            }
            if (value instanceof Collection<?> members) {
                List<Object> copies = new ArrayList<>();
                for (Object member : members) {
                    copies.add(mergeOne(member, merged));
                }
                relationship.set(target, relationship.isSet() ? new java.util.LinkedHashSet<>(copies) : copies);
            } else {
                relationship.set(target, mergeOne(value, merged));
            }
        }
        if (created) {
            attach(target);
        }
        return target;
    }

    private static void copyColumns(EntityMapper mapper, Object from, Object to) {
        for (AttributeMapping attribute : mapper.attributes()) {
            if (attribute.isDeferred() && attribute.get(from) == null) {
                continue;
            }
            attribute.set(to, attribute.get(from));
        }
    }

    @Override
    public boolean isModified(Object entity) {
        InstanceState state = states.get(entity);
        return state != null && state.isModified();
    }

    @Override
    public Set<Object> newObjects() {
        return objectsWith(Status.PENDING, false);
    }

    @Override
    public Set<Object> dirtyObjects() {
        return objectsWith(Status.PERSISTENT, true);
    }

    @Override
    public Set<Object> deletedObjects() {
        return objectsWith(Status.DELETED, false);
    }

    private Set<Object> objectsWith(Status status, boolean modifiedOnly) {
        Set<Object> result = Collections.newSetFromMap(new IdentityHashMap<>());
        for (InstanceState state : states.values()) {
            if (state.status() == status && (!modifiedOnly || state.isModified())) {
                result.add(state.entity());
            }
        }
        return Collections.unmodifiableSet(result);
    }

    // ------------------------------------------------------------------ queries

    @Override
    public Result execute(Executable statement) {
        return execute(statement, (Map<String, ?>) null);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <E> dev.athanor.orm.EntityResult<E> execute(Select<E> statement) {
        Result result = execute((Executable) statement, (Map<String, ?>) null);
        return result instanceof dev.athanor.orm.EntityResult<?> typed ? (dev.athanor.orm.EntityResult<E>) typed
                : new dev.athanor.impl.orm.loading.CoreEntityResult<>(result);
    }

    @Override
    public Result execute(Executable statement, Map<String, ?> parameters) {
        return guarded(() -> {
            checkUsable();
            autoflushNow();
            if (statement instanceof Select<?> select && select.entity() instanceof Class<?> type) {
                if (parameters != null && !parameters.isEmpty()) {
                    throw new ArgumentError("an entity select takes its values from its expressions, not parameters");
                }
                EntityMapper mapper = registry.mapper(type);
                LoadPlan plan = LoadPlan.of(registry, mapper, select.loaderOptions());
                boolean readOnly = !select.executionOptions().isEmpty() && dev.athanor.ExecutionOption.find(
                        select.executionOptions(), dev.athanor.orm.ReadOnly.class, dev.athanor.orm.ReadOnly.FALSE)
                        == dev.athanor.orm.ReadOnly.TRUE;
                boolean outer = loadReadOnly;
                loadReadOnly = readOnly;
                try {
                    return new OrmResult<>(loadEntities(plan, select, null), mapper.entityName(),
                            plan.joinsCollection());
                } finally {
                    loadReadOnly = outer;
                }
            }
            if (statement instanceof Update update && update.entity() != null) {
                return new SessionSynchronizer(this).update(update);
            }
            if (statement instanceof Delete delete && delete.entity() != null) {
                return new SessionSynchronizer(this).delete(delete);
            }
            return conn().execute(statement, parameters);
        });
    }

    @Override
    public Result execute(Executable statement, List<? extends Map<String, ?>> parameterSets) {
        return guarded(() -> {
            checkUsable();
            autoflushNow();
            if (statement instanceof Insert insert && insert.rows().isEmpty() && insert.fromSelect() == null
                    && registry.mapperOfTable(insert.table()) != null && parameterSets != null) {
                EntityMapper mapper = registry.mapperOfTable(insert.table());
                bulk.insertMappings(mapper, parameterSets);
                return dev.athanor.impl.result.CursorResult.ofRowcount(parameterSets.size());
            }
            return conn().execute(statement, parameterSets);
        });
    }

    @Override
    @SuppressWarnings("unchecked")
    public <E> ScalarResult<E> scalars(Select<E> statement) {
        return execute(statement).scalars();
    }

    @Override
    public Object scalar(Executable statement) {
        return execute(statement).scalar();
    }

    /**
     * The entities of an entity select, read from an open cursor a batch at a time ({@link EntityCursor}); the
     * asyncio layer's stream. Close it before the next statement of the session.
     */
    public <E> EntityCursor<E> openEntities(Select<E> select) {
        return guarded(() -> {
            checkUsable();
            autoflushNow();
            if (!(select.entity() instanceof Class<?> type)) {
                throw new ArgumentError("openEntities() needs an entity select, like select(User.class); got " + select);
            }
            EntityMapper mapper = registry.mapper(type);
            return EntityCursor.open(this, LoadPlan.of(registry, mapper, select.loaderOptions()), select);
        });
    }

    /** Runs {@code work} inside this session's thread guard (for {@link EntityCursor}). */
    <T> T inSession(Supplier<T> work) {
        return guarded(() -> {
            checkUsable();
            return work.get();
        });
    }

    /** The selectin and other after-load work of one batch of a cursor's objects. */
    void afterBatch(List<InstanceState> states, LoadPlan plan) {
        relationships.afterLoad(states, plan, plan.populateExisting);
    }

    <E> List<E> loadEntities(EntityMapper mapper, Select<?> select, boolean populateExisting) {
        LoadPlan plan = LoadPlan.plain(registry, mapper);
        plan.populateExisting = populateExisting;
        return loadEntities(plan, select, null);
    }

    private static Map<String, ?> keyParameters(EntityMapper mapper, Object key) {
        if (mapper.primaryKey().length == 1) {
            return Map.of(EntityMapper.keyParameter(0), key);
        }
        Map<String, Object> parameters = new HashMap<>();
        List<?> parts = (List<?>) key;
        for (int i = 0; i < parts.size(); i++) {
            parameters.put(EntityMapper.keyParameter(i), parts.get(i));
        }
        return parameters;
    }

    /**
     * Runs an entity select and turns rows into objects through the identity map; joined relationships are read from
     * the same rows, then the plan's other relationship strategies run (selectin queries, raise and noload marks).
     */
    @SuppressWarnings("unchecked")
    <E> List<E> loadEntities(LoadPlan plan, Select<?> select, Map<String, ?> parameters) {
        EntityMapper mapper = plan.mapper;
        LoadingSubclasses.install(mapper);
        boolean populateExisting = plan.populateExisting;
        Select<?> sql = select;
        RelationshipLoader.RowCollector collector = null;
        if (plan.hasRowBranches()) {
            sql = relationships.withJoins(select, plan);
            collector = relationships.new RowCollector(populateExisting);
        } else if (!plan.columns.isDefault(mapper)) {
            sql = select.withOnlyColumns(plan.columns.expressions(mapper.table()).toArray(Expression[]::new));
        }
        List<E> entities = new ArrayList<>();
        List<InstanceState> loaded = plan.relationships.length == 0 ? null : new ArrayList<>();
        Distinct distinct = loaded == null ? null : new Distinct(sequence);
        int keyPosition = plan.columns.keyPositions().length == 1 ? plan.columns.keyPositions()[0] : -1;
        Object lastKey = null;
        InstanceState last = null;
        try (Result result = conn().execute(sql, parameters)) {
            if (collector == null && result instanceof dev.athanor.impl.result.CursorResult cursor) {
                // no joined rows to collect: one buffer for every row's values, no Row objects
                Object[] values = new Object[cursor.keys().size()];
                while (cursor.readInto(values)) {
                    long before = sequence;
                    InstanceState state = hydrateState(mapper, values, 0, plan.columns, populateExisting,
                            plan.relationships);
                    entities.add((E) state.entity());
                    if (loaded != null && distinct.firstOfTopLevel(state, before)) {
                        loaded.add(state);
                    }
                }
            } else {
                for (Row row : result) {
                    InstanceState state;
                    if (collector != null && keyPosition >= 0 && last != null
                            && java.util.Objects.equals(lastKey, row.get(keyPosition))) {
                        state = last;   // a joined collection repeats its parent on consecutive rows
                    } else {
                        state = hydrateState(mapper, row, 0, plan.columns, populateExisting, plan.relationships);
                        last = state;
                        lastKey = keyPosition >= 0 ? row.get(keyPosition) : null;
                    }
                    entities.add((E) state.entity());
                    if (collector != null) {
                        collector.row(state, row, plan);
                    }
                    if (loaded != null && distinct.first(state)) {
                        loaded.add(state);
                    }
                }
            }
        }
        if (collector != null) {
            collector.finish();
        }
        if (loaded != null) {
            relationships.afterLoad(loaded, plan, populateExisting);
        }
        return entities;
    }

    /**
     * Which states a load meets for the first time. Where only the rows' own objects are made (no joined
     * collections), a state made by this row is new, one made by an earlier row of the load was met then, and only
     * the states the session held before need an identity set: a plain load hashes none of its objects (an identity
     * hash code per object, and the set, were a tenth of a selectin load's own work).
     */
    static final class Distinct {
        private final long madeAfter;
        private Set<InstanceState> seen;

        /** {@code madeAfter}: the session's sequence number when the load began. */
        Distinct(long madeAfter) {
            this.madeAfter = madeAfter;
        }

        /**
         * For a load that makes no object but its rows' own: true the first time {@code state} is met;
         * {@code before} is the session's sequence number before this row was read.
         */
        boolean firstOfTopLevel(InstanceState state, long before) {
            if (state.sequence() > before) {
                return true;
            }
            return state.sequence() <= madeAfter && first(state);
        }

        /** True the first time {@code state} is met (any load). */
        boolean first(InstanceState state) {
            if (seen == null) {
                seen = Collections.newSetFromMap(new IdentityHashMap<>());
            }
            return seen.add(state);
        }
    }

    /**
     * One row (from column {@code offset} on) to its object's state: the identity map's object when there is one
     * (refreshed only if expired or asked); null when the row holds no such object (an outer join's empty side).
     */
    InstanceState hydrateState(EntityMapper mapper, Row row, int offset, EntityColumns columns,
            boolean populateExisting) {
        return hydrateState(mapper, row, offset, columns, populateExisting, registry.relationships(mapper));
    }

    /** As above, with the mapper's relationships at hand (no lookup per row). */
    InstanceState hydrateState(EntityMapper mapper, Row row, int offset, EntityColumns columns,
            boolean populateExisting, dev.athanor.impl.orm.mapping.RelationshipMapping[] rels) {
        return hydrateState(mapper, dev.athanor.impl.result.CursorResult.valuesOf(row), offset, columns,
                populateExisting, rels);
    }

    /**
     * As above, from a row's values. The common path (a key, a lookup) here; composite keys, refreshing an object the
     * session holds and making a new one in methods of their own, each small enough for the compiler to optimize
     * whole.
     */
    InstanceState hydrateState(EntityMapper mapper, Object[] row, int offset, EntityColumns columns,
            boolean populateExisting, dev.athanor.impl.orm.mapping.RelationshipMapping[] rels) {
        int[] positions = columns.keyPositions();
        Object key = positions.length == 1 ? mapper.primaryKey()[0].fromDatabase(row[offset + positions[0]])
                : compositeKey(mapper, row, offset, positions);
        if (key == null) {
            return null;
        }
        InstanceState state = identity.get(mapper, key);
        if (state != null) {
            return populateExisting || state.isExpired() ? refresh(state, row, offset, columns, rels) : state;
        }
        return newState(mapper, key, row, offset, columns, rels);
    }

    /** A composite key read from a row (a List), or null when a part is null (an outer join's empty side). */
    private static Object compositeKey(EntityMapper mapper, Object[] row, int offset, int[] positions) {
        AttributeMapping[] pk = mapper.primaryKey();
        Object[] parts = new Object[positions.length];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = pk[i].fromDatabase(row[offset + positions[i]]);
            if (parts[i] == null) {
                return null;
            }
        }
        return List.of(parts);
    }

    /** An object the session holds, loaded again from a row (it was expired, or the load populates existing ones). */
    private InstanceState refresh(InstanceState state, Object[] row, int offset, EntityColumns columns,
            dev.athanor.impl.orm.mapping.RelationshipMapping[] rels) {
        boolean expired = state.isExpired();
        populate(state, row, offset, columns);
        if (expired && rels.length > 0 && state.hasRelated()) {
            relationships.install(state, rels);
        }
        return state;
    }

    /** A new object and its state from a row, in the session and its identity map. */
    private InstanceState newState(EntityMapper mapper, Object key, Object[] row, int offset, EntityColumns columns,
            dev.athanor.impl.orm.mapping.RelationshipMapping[] rels) {
        Object entity = mapper.newLoadedInstance();
        InstanceState state = new InstanceState(entity, mapper, Status.PERSISTENT);
        state.readOnly(loadReadOnly);
        state.relationships(rels);
        state.sequence(++sequence);
        state.key(key);
        populate(state, row, offset, columns);
        states.add(state);
        identity.put(mapper, key, state);
        if (entity instanceof LoadingSubclass loading) {
            loadingObjects = true;
            loading.athanor$state(this);
        }
        if (rels.length > 0) {
            relationships.install(state, rels);
        }
        return state;
    }

    /**
     * Sets the loaded columns of a row into the object and, unless it is read-only, its snapshot (written in place:
     * one array per object, made on its first load); the columns the load left out are marked unloaded.
     */
    private static void populate(InstanceState state, Object[] row, int offset, EntityColumns columns) {
        EntityMapper mapper = state.mapper();
        dev.athanor.impl.orm.mapping.EntityAccessor populator = mapper.populator();
        if (populator == null || !columns.isDefault(mapper) || !populateGenerated(populator, state, row, offset,
                columns)) {
            populateByAttribute(state, row, offset, columns);
        }
        state.expired(false);
    }

    /**
     * The default load of a plain entity: generated straight-line code (row order is attribute order). False when a
     * value does not fit its field: the loop by attribute then names the field in its error.
     */
    private static boolean populateGenerated(dev.athanor.impl.orm.mapping.EntityAccessor populator,
            InstanceState state, Object[] row, int offset, EntityColumns columns) {
        try {
            populator.populate(state.entity(), row, offset, state.isReadOnly() ? null : state.snapshotArray(),
                    columns.loaded());
            return true;
        } catch (ClassCastException e) {
            return false;
        }
    }

    private static void populateByAttribute(InstanceState state, Object[] row, int offset, EntityColumns columns) {
        Object entity = state.entity();
        AttributeMapping[] loaded = columns.loaded();
        if (state.isReadOnly()) {
            for (int i = 0; i < loaded.length; i++) {   // no snapshot: a read-only object is not dirty-checked
                loaded[i].set(entity, loaded[i].fromDatabase(row[offset + i]));
            }
        } else {
            Object[] snapshot = state.snapshotArray();
            for (int i = 0; i < loaded.length; i++) {
                AttributeMapping attribute = loaded[i];
                Object value = attribute.fromDatabase(row[offset + i]);
                attribute.set(entity, value);
                snapshot[attribute.index()] = attribute.snapshot(value);
            }
        }
        for (AttributeMapping attribute : columns.unloaded()) {
            if (!attribute.isPrimitive()) {
                attribute.set(entity, null);
            }
            state.markUnloaded(attribute);
        }
    }

    @Override
    public void loadDeferred(Object entity) {
        guardedRun(() -> {
            InstanceState state = states.get(entity);
            List<AttributeMapping> missing = new ArrayList<>();
            if (state != null) {
                for (AttributeMapping attribute : state.mapper().deferred()) {
                    if (!state.isLoaded(attribute) && attribute.get(entity) == null) {
                        missing.add(attribute);
                    }
                }
                if (missing.isEmpty()) {
                    return;
                }
            }
            if (state == null || closed) {
                EntityMapper mapper = registry.mapperOf(entity);
                throw new InvalidRequestError("cannot load the deferred columns of " + mapper.entityName() + " "
                        + mapper.keyOf(entity) + ": the object is not in an open session (closed or expunged); read "
                        + "them while the session is open, or select with undefer()", null, "detached");
            }
            EntityMapper mapper = state.mapper();
            beforeImplicitLoad(mapper.entityName(), missing.get(0).name());
            List<Expression<?>> columns = new ArrayList<>();
            missing.forEach(a -> columns.add(a.column()));
            Row row = conn().execute(dev.athanor.Sql.select(columns).where(keyCondition(mapper, state.key())))
                    .first();
            if (row == null) {
                throw new InvalidRequestError("cannot load the deferred columns of " + state.describe()
                        + ": the row is gone");
            }
            for (int i = 0; i < missing.size(); i++) {
                Object value = missing.get(i).fromDatabase(row.get(i));
                missing.get(i).set(entity, value);
                state.snapshotOf(missing.get(i), value);
            }
        });
    }

    // ------------------------------------------------------------------ bulk

    @Override
    public void bulkSaveObjects(Collection<?> entities) {
        guardedRun(() -> {
            checkUsable();
            bulk.saveObjects(entities);
        });
    }

    @Override
    public void bulkInsertMappings(Class<?> entity, List<? extends Map<String, ?>> mappings) {
        guardedRun(() -> {
            checkUsable();
            bulk.insertMappings(registry.mapper(entity), mappings);
        });
    }

    @Override
    public void bulkUpdateMappings(Class<?> entity, List<? extends Map<String, ?>> mappings) {
        guardedRun(() -> {
            checkUsable();
            bulk.updateMappings(registry.mapper(entity), mappings);
        });
    }

    // ------------------------------------------------------------------ for collaborators

    /** The persistent states of one mapper (for synchronizing ORM updates and deletes). */
    List<InstanceState> persistentStates(EntityMapper mapper) {
        List<InstanceState> result = new ArrayList<>();
        for (InstanceState state : states.values()) {
            if (state.mapper() == mapper && state.status() == Status.PERSISTENT) {
                result.add(state);
            }
        }
        return result;
    }

    /** Reads columns of persistent objects back from the database (one SELECT per 500 objects). */
    void refreshColumns(EntityMapper mapper, List<InstanceState> targets, List<AttributeMapping> attributes) {
        if (targets.isEmpty() || attributes.isEmpty()) {
            return;
        }
        Map<Object, InstanceState> byKey = new HashMap<>();
        targets.forEach(t -> byKey.put(t.key(), t));
        List<Object> keys = new ArrayList<>(byKey.keySet());
        int[] positions = new int[mapper.primaryKey().length];
        List<Expression<?>> columns = new ArrayList<>();
        for (int i = 0; i < positions.length; i++) {
            columns.add(mapper.primaryKey()[i].column());
        }
        attributes.forEach(a -> columns.add(a.column()));
        for (int from = 0; from < keys.size(); from += 500) {
            List<Expression<Boolean>> conditions = new ArrayList<>();
            for (Object key : keys.subList(from, Math.min(keys.size(), from + 500))) {
                conditions.add(keyCondition(mapper, key));
            }
            @SuppressWarnings("unchecked")
            Expression<Boolean> where = conditions.size() == 1 ? conditions.get(0)
                    : dev.athanor.Sql.or(conditions.toArray(Expression[]::new));
            for (Row row : conn().execute(dev.athanor.Sql.select(columns).where(where))) {
                Object key;
                if (positions.length == 1) {
                    key = mapper.primaryKey()[0].fromDatabase(row.get(0));
                } else {
                    Object[] parts = new Object[positions.length];
                    for (int i = 0; i < parts.length; i++) {
                        parts[i] = mapper.primaryKey()[i].fromDatabase(row.get(i));
                    }
                    key = List.of(parts);
                }
                InstanceState state = byKey.get(key);
                if (state == null) {
                    continue;
                }
                for (int i = 0; i < attributes.size(); i++) {
                    Object value = attributes.get(i).fromDatabase(row.get(positions.length + i));
                    attributes.get(i).set(state.entity(), value);
                    state.snapshotOf(attributes.get(i), value);
                }
            }
        }
    }

    InstanceState stateOfKey(EntityMapper mapper, Object key) {
        return identity.get(mapper, key);
    }

    void detach(InstanceState state) {
        forget(state);
    }

    /** Runs a unit of work over states the session does not keep (bulk operations), with the flush's error rules. */
    void flushDetached(List<InstanceState> work) {
        try {
            new UnitOfWork(conn()).flush(work, registry.flushOrder());
        } catch (DatabaseError e) {
            throw FlushErrors.withContext(e, work);
        }
    }

    @Override
    public String toString() {
        return "Session[" + states.size() + " objects" + (closed ? ", closed" : "") + "]";
    }
}
