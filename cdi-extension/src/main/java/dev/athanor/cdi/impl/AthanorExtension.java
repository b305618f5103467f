package dev.athanor.cdi.impl;

import dev.athanor.Engine;
import dev.athanor.OperationalError;
import dev.athanor.asyncio.AsyncEngine;
import dev.athanor.asyncio.AsyncSessionMaker;
import dev.athanor.cdi.Database;
import dev.athanor.orm.MappingError;
import dev.athanor.orm.Registry;
import dev.athanor.orm.Session;
import dev.athanor.orm.SessionMaker;
import dev.athanor.orm.mapping.Entity;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeShutdown;
import jakarta.enterprise.inject.spi.DefinitionException;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.ProcessInjectionPoint;
import jakarta.enterprise.inject.spi.WithAnnotations;
import jakarta.inject.Provider;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The portable extension (registered in {@code META-INF/services}): finds the entities, reads the configuration,
 * validates the mapping of every database at deployment, and adds the {@code Engine}, {@code SessionMaker},
 * {@code Registry}, {@code Session}, {@code AsyncEngine} and {@code AsyncSessionMaker} beans of each configured
 * database. See the package documentation of
 * {@code dev.athanor.cdi} for the rules.
 */
public final class AthanorExtension implements Extension {
    private static final Logger LOG = Logger.getLogger("dev.athanor.cdi");
    private static final Set<Class<?>> BEAN_TYPES = Set.of(Engine.class, SessionMaker.class, Session.class,
            Registry.class, AsyncEngine.class, AsyncSessionMaker.class);

    private final Set<Class<?>> discovered = new LinkedHashSet<>();
    /** Database name ("" default) -> an injection point that needs it, for messages. */
    private final Map<String, String> injected = new TreeMap<>();
    private final Map<String, DatabaseRuntime> databases = new LinkedHashMap<>();
    /** Databases whose schema action waits for the application's start (see afterDeploymentValidation). */
    private final List<DatabaseRuntime> startup = new ArrayList<>();

    /** {@code @ReadOnly} works in every archive without being listed in a beans.xml: the interceptor is added here. */
    void readOnlyInterceptor(@Observes jakarta.enterprise.inject.spi.BeforeBeanDiscovery event, BeanManager beans) {
        event.addAnnotatedType(beans.createAnnotatedType(ReadOnlyInterceptor.class), ReadOnlyInterceptor.class.getName());
    }

    void entity(@Observes @WithAnnotations(Entity.class) ProcessAnnotatedType<?> event) {
        Class<?> type = event.getAnnotatedType().getJavaClass();
        if (type.isAnnotationPresent(Entity.class)) {
            discovered.add(type);
            event.veto(); // an entity is data the ORM creates, not a bean
        }
    }

    void injectionPoint(@Observes ProcessInjectionPoint<?, ?> event) {
        InjectionPoint point = event.getInjectionPoint();
        Class<?> type = rawType(point.getType());
        if ((type == Instance.class || type == Provider.class) && point.getType() instanceof ParameterizedType p) {
            type = rawType(p.getActualTypeArguments()[0]);
        }
        if (type == null || !BEAN_TYPES.contains(type)) {
            return;
        }
        String database = "";
        for (Annotation qualifier : point.getQualifiers()) {
            if (qualifier instanceof Database named) {
                database = named.value();
            }
        }
        injected.putIfAbsent(database, type.getSimpleName() + " injected into " + point.getMember());
    }

    private static Class<?> rawType(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
            return c;
        }
        return null;
    }

    void afterBeanDiscovery(@Observes AfterBeanDiscovery event) {
        long start = System.nanoTime();
        ClassLoader loader = contextLoader();
        Config config;
        try {
            config = ConfigProvider.getConfig(loader);
        } catch (RuntimeException | LinkageError e) {
            event.addDefinitionError(new DefinitionException("Athanor needs a MicroProfile Config implementation "
                    + "(e.g. io.smallrye.config:smallrye-config in SE; servers have one): " + e, e));
            return;
        }
        long configured = System.nanoTime();
        ConfigReader reader = new ConfigReader(config);
        Set<String> names = new LinkedHashSet<>(reader.scan());
        Set<Class<?>> entities = new LinkedHashSet<>(discovered);
        EntityScan.readIndexes(loader, entities);
        long indexed = System.nanoTime();
        // A database that is injected must be configured; the default one otherwise only if it has keys.
        for (String name : injected.keySet()) {
            if (!names.contains(name)) {
                reader.problems().add("missing configuration key " + ConfigReader.key(name, "datasource.url") + " (or "
                        + ConfigReader.key(name, "datasource.jndi-name") + "): " + injected.get(name));
            }
        }
        Map<String, DatabaseConfig> configs = new LinkedHashMap<>();
        for (String name : names) {
            DatabaseConfig read = reader.read(name);
            if (read != null) {
                configs.put(name, read);
            }
        }
        for (String problem : new LinkedHashSet<>(reader.problems())) {
            event.addDefinitionError(new DefinitionException("Athanor configuration: " + problem));
        }
        if (!reader.problems().isEmpty()) {
            return;
        }
        Map<String, List<Class<?>>> split = split(entities, configs);
        for (DatabaseConfig database : configs.values()) {
            List<Class<?>> mapped = split.getOrDefault(database.name(), List.of());
            Registry registry;
            try {
                registry = Registry.of(mapped);
            } catch (MappingError e) {
                event.addDefinitionError(new DefinitionException("Athanor cannot map the entities of "
                        + database.describe() + ": " + e.getMessage(), e));
                continue;
            } catch (RuntimeException e) {
                event.addDefinitionError(new DefinitionException("Athanor cannot map the entities of "
                        + database.describe() + " " + mapped + ": " + e, e));
                continue;
            }
            DatabaseRuntime runtime = new DatabaseRuntime(database, registry);
            databases.put(database.name(), runtime);
            addBeans(event, runtime);
            LOG.debugf("%s: %d entities %s", database.describe(), mapped.size(),
                    mapped.stream().map(Class::getSimpleName).toList());
        }
        long end = System.nanoTime();
        LOG.debugf("deployment: %.1f ms (MicroProfile Config %.1f ms, configuration and index %.1f ms, mapping and "
                + "beans %.1f ms)", (end - start) / 1e6, (configured - start) / 1e6, (indexed - configured) / 1e6,
                (end - indexed) / 1e6);
    }

    /**
     * Which database maps each entity: {@code @Database("name")} on the class (not mapped, with a warning, when that
     * database is not configured); else the named database whose
     * {@code packages} match its package (longest match); else the default one, unless the default one has
     * {@code packages} that do not match, in which case no database maps it.
     */
    private static Map<String, List<Class<?>>> split(Set<Class<?>> entities, Map<String, DatabaseConfig> configs) {
        Map<String, List<Class<?>>> split = new LinkedHashMap<>();
        for (Class<?> entity : entities) {
            Database named = entity.getAnnotation(Database.class);
            String target = named != null ? named.value() : null;
            if (target != null && !configs.containsKey(target)) {
                LOG.warnf("entity %s is for @Database(\"%s\"), which is not configured (%s): not mapped",
                        entity.getName(), target, ConfigReader.key(target, "datasource.url"));
                continue;
            }
            int best = -1;
            for (DatabaseConfig config : configs.values()) {
                int match = config.packageMatch(entity.getPackageName());
                if (target == null && match > best) {
                    best = match;
                    target = config.name();
                }
            }
            if (target == null) {
                DatabaseConfig fallback = configs.get("");
                if (fallback == null || !fallback.packages().isEmpty()) {
                    LOG.debugf("entity %s belongs to no configured database; not mapped", entity.getName());
                    continue;
                }
                target = "";
            }
            split.computeIfAbsent(target, k -> new ArrayList<>()).add(entity);
        }
        return split;
    }

    private static void addBeans(AfterBeanDiscovery event, DatabaseRuntime runtime) {
        Annotation qualifier = runtime.qualifier();
        event.addBean().types(Engine.class, Object.class).qualifiers(qualifier, Any.Literal.INSTANCE)
                .scope(ApplicationScoped.class).beanClass(AthanorExtension.class)
                .createWith(c -> new ContainerEngine(runtime.engine()));
        event.addBean().types(SessionMaker.class, Object.class).qualifiers(qualifier, Any.Literal.INSTANCE)
                .scope(ApplicationScoped.class).beanClass(AthanorExtension.class)
                .createWith(c -> runtime.sessionMaker());
        event.addBean().types(AsyncEngine.class, Object.class).qualifiers(qualifier, Any.Literal.INSTANCE)
                .scope(ApplicationScoped.class).beanClass(AthanorExtension.class)
                .createWith(c -> new ContainerAsyncEngine(runtime.asyncEngine()));
        event.addBean().types(AsyncSessionMaker.class, Object.class).qualifiers(qualifier, Any.Literal.INSTANCE)
                .scope(ApplicationScoped.class).beanClass(AthanorExtension.class)
                .createWith(c -> runtime.asyncSessionMaker());
        event.addBean().types(Registry.class, Object.class).qualifiers(qualifier, Any.Literal.INSTANCE)
                .scope(ApplicationScoped.class).beanClass(AthanorExtension.class)
                .createWith(c -> runtime.registry);
        event.addBean().types(Session.class, Object.class).qualifiers(qualifier, Any.Literal.INSTANCE)
                .scope(RequestScoped.class).beanClass(AthanorExtension.class)
                .createWith(c -> new ContextualSession(runtime.sessionMaker(), runtime.jta()))
                .destroyWith((session, c) -> ((ContextualSession) session).destroy());
    }

    void afterDeploymentValidation(@Observes AfterDeploymentValidation event, BeanManager beans) {
        for (DatabaseRuntime runtime : databases.values()) {
            runtime.deployed(beans);
            DatabaseConfig config = runtime.config;
            String transactions = runtime.resolveTransactions();
            if (transactions != null) {
                event.addDeploymentProblem(new DeploymentException("Athanor: " + transactions));
                continue;
            }
            if (config.jndiName() != null && config.schemaGeneration() != DatabaseConfig.SchemaGeneration.NONE) {
                // a DataSource the application defines (web.xml, @DataSourceDefinition) is bound in java:app only
                // when the application starts on Payara: run the schema action then, still before it serves
                startup.add(runtime);
                // also on the engine's first use, in case an application observer of the same start-up event is
                // notified before applicationStarted (seen on WildFly): it runs once, whichever comes first
                runtime.schemaOnFirstUse(() -> {
                    String problem = schemaProblem(runtime);
                    if (problem != null) {
                        throw new DeploymentException(problem);
                    }
                });
                continue;
            }
            String problem = schemaProblem(runtime);
            if (problem != null) {
                event.addDeploymentProblem(new DeploymentException(problem));
            }
        }
    }

    /** The schema actions left for the application's start (a server DataSource); a failure stops the start. */
    void applicationStarted(@Observes @Priority(jakarta.interceptor.Interceptor.Priority.PLATFORM_BEFORE)
            @Initialized(ApplicationScoped.class) Object event) {
        List<String> problems = new ArrayList<>();
        for (DatabaseRuntime runtime : startup) {
            try {
                runtime.engine();   // runs the schema action left for the first use, unless the application did
                continue;
            } catch (DeploymentException e) {
                problems.add(e.getMessage());
                continue;
            } catch (OperationalError e) {
                String name = runtime.config.jndiName();
                if (e.getCause() instanceof javax.naming.NamingException && (name.startsWith("java:app/")
                        || name.startsWith("java:module/") || name.startsWith("java:comp/"))) {
                    // Payara: java:app is bound for the application's components, not for this extension; the
                    // action registered in afterDeploymentValidation is still pending (the engine was not built), so
                    // the application's first use of the engine (its start-up code, or its first request) runs it
                    LOG.debugf("%s: %s; the schema action runs on the engine's first use", runtime.config.describe(),
                            e.getMessage());
                    continue;
                }
            }
            String problem = schemaProblem(runtime);
            if (problem != null) {
                problems.add(problem);
            }
        }
        startup.clear();
        if (!problems.isEmpty()) {
            throw new DeploymentException(String.join("\n", problems));
        }
    }

    /** Runs {@code schema-generation} for one database; the problem that fails the deployment, or null. */
    private static String schemaProblem(DatabaseRuntime runtime) {
        DatabaseConfig config = runtime.config;
        try {
            switch (config.schemaGeneration()) {
                case NONE -> { }
                case VALIDATE -> {
                    List<String> differences = SchemaActions.differences(runtime.registry, runtime.engine());
                    if (!differences.isEmpty()) {
                        return "Athanor: the schema of " + config.describe() + " does not match the mapping ("
                                + config.key("schema-generation") + "=validate), " + differences.size()
                                + " difference" + (differences.size() == 1 ? "" : "s") + ":\n  - "
                                + String.join("\n  - ", differences);
                    }
                }
                default -> SchemaActions.run(runtime);
            }
            return null;
        } catch (RuntimeException e) {
            return "Athanor: " + config.key("schema-generation") + "=" + config.schemaGeneration().text
                    + " failed on " + config.describe() + ": " + e.getMessage();
        }
    }

    void beforeShutdown(@Observes BeforeShutdown event) {
        for (DatabaseRuntime runtime : databases.values()) {
            try {
                runtime.dispose();
            } catch (RuntimeException e) {
                LOG.warnf("closing the pool of %s failed: %s", runtime.config.describe(), e);
            }
        }
    }

    private static ClassLoader contextLoader() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return loader != null ? loader : AthanorExtension.class.getClassLoader();
    }
}
