package dev.athanor.benchmarks;

import dev.athanor.Engine;
import dev.athanor.benchmarks.orm.boot.AthanorBootEntities;
import dev.athanor.benchmarks.orm.boot.HibernateBootEntities;
import dev.athanor.orm.Registry;
import dev.athanor.orm.SessionMaker;
import org.hibernate.SessionFactory;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * ORM boot with 50 entity classes in a warmed-up JVM: the work of the boot itself, without class loading and
 * interpretation of the ORM's code. Athanor caches a class's mapping for the life of the class, so before every
 * invocation (outside the measured time) the 50 entity classes of each side are loaded anew by a fresh class loader
 * ({@link FreshLoader}): each invocation maps 50 classes never seen, on both sides. The Hibernate session factory an
 * invocation builds is closed after it, outside the measured time. Hibernate's boot code takes long to warm up (a
 * boot is hundreds of milliseconds, a few per iteration), hence the longer iterations.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 5, time = 4)
@Measurement(iterations = 5, time = 4)
@State(Scope.Thread)
public class OrmBootWarmBenchmark {
    private static final String BOOT_PACKAGE = AthanorBootEntities.class.getPackageName() + ".";

    private Engine engine;
    private DataSource dataSource;
    private FreshLoader loader;
    private List<Class<?>> athanorClasses;
    private List<Class<?>> hibernateClasses;
    private SessionFactory built;

    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        engine = Engine.builder("jdbc:h2:mem:bootwarm;DB_CLOSE_DELAY=-1").user("sa").password("").poolSize(4)
                .maxOverflow(0).build();
        dataSource = engine.unwrap(DataSource.class);
        try (Connection c = dataSource.getConnection()) {
            c.rollback();
        }
        OrmDatabase.HIBERNATE_LOG.getLevel();
    }

    @Setup(Level.Invocation)
    public void freshClasses() {
        loader = new FreshLoader(getClass().getClassLoader());
        athanorClasses = loader.all(AthanorBootEntities.class);
        hibernateClasses = loader.all(HibernateBootEntities.class);
    }

    @TearDown(Level.Invocation)
    public void closeFactory() {
        if (built != null) {
            built.close();
            built = null;
        }
    }

    @Benchmark
    public SessionMaker boot50_athanor() {
        Registry registry = Registry.of(athanorClasses);
        return SessionMaker.of(engine, registry);
    }

    @Benchmark
    public SessionFactory boot50_hibernate() {
        Configuration configuration = new Configuration(new BootstrapServiceRegistryBuilder()
                .applyClassLoader(loader).build());
        built = OrmDatabase.hibernate(configuration, dataSource, hibernateClasses);
        return built;
    }

    @Benchmark
    public SessionFactory boot50_hibernateNoJdbcMetadata() {
        Configuration configuration = new Configuration(new BootstrapServiceRegistryBuilder()
                .applyClassLoader(loader).build());
        configuration.setProperty(AvailableSettings.JAKARTA_HBM2DDL_DB_NAME, "H2");
        configuration.setProperty(AvailableSettings.JAKARTA_HBM2DDL_DB_MAJOR_VERSION, "2");
        configuration.setProperty(AvailableSettings.JAKARTA_HBM2DDL_DB_MINOR_VERSION, "5");
        configuration.setProperty(AvailableSettings.ALLOW_METADATA_ON_BOOT, "false");
        built = OrmDatabase.hibernate(configuration, dataSource, hibernateClasses);
        return built;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        engine.dispose();
    }

    /**
     * Defines the classes of the boot entities' package itself (child first) from the parent's class files, so each
     * loader has its own copies; everything else (the annotations, Athanor, Hibernate) comes from the parent.
     */
    static final class FreshLoader extends ClassLoader {
        FreshLoader(ClassLoader parent) {
            super(parent);
        }

        @SuppressWarnings("unchecked")
        List<Class<?>> all(Class<?> holder) {
            try {
                Class<?> copy = Class.forName(holder.getName(), true, this);
                return (List<Class<?>>) copy.getField("ALL").get(null);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith(BOOT_PACKAGE)) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                        if (in == null) {
                            throw new ClassNotFoundException(name);
                        }
                        byte[] bytes = in.readAllBytes();
                        loaded = defineClass(name, bytes, 0, bytes.length);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                if (resolve) {
                    resolveClass(loaded);
                }
                return loaded;
            }
        }
    }
}
