package dev.athanor.benchmarks;

import dev.athanor.Engine;
import dev.athanor.benchmarks.orm.boot.AthanorBootEntities;
import dev.athanor.benchmarks.orm.boot.HibernateBootEntities;
import dev.athanor.orm.Registry;
import dev.athanor.orm.SessionMaker;
import org.hibernate.SessionFactory;
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
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;

/**
 * ORM boot with 50 entity classes, cold: each measurement is the first and only call in a fresh JVM (one fork per
 * measurement, {@code SingleShotTime}), as at an application's start. Athanor maps a class once per JVM (a
 * {@code ClassValue}), so a second call in the same JVM would measure a cache hit: hence the forks.
 * <ul>
 *   <li>{@code boot50_athanor}: {@code Registry.of(50 classes)} (maps and validates them) and
 *   {@code SessionMaker.of(engine, registry)};</li>
 *   <li>{@code boot50_hibernate}: {@code new Configuration().addAnnotatedClass(...) x 50 ... buildSessionFactory()}
 *   with the benchmarks' settings, the DataSource given (Hibernate reads the JDBC metadata at boot to pick the
 *   dialect: its default);</li>
 *   <li>{@code boot50_hibernateNoJdbcMetadata}: the same with the database named ({@code jakarta.persistence.database-product-name}) and
 *   {@code hibernate.boot.allow_jdbc_metadata_access=false}: Hibernate's fastest boot, no connection used.</li>
 * </ul>
 * The setup, outside the measured time, builds the same engine (H2 in memory, pool of 4) for both sides and checks a
 * connection out of it once: what is measured is the ORM's boot over an existing pool, including the loading and
 * first (interpreted) run of the ORM's own classes. The JVM's start and JMH's are not measured. See
 * {@link OrmBootWarmBenchmark} for the same work in a warmed-up JVM.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 10, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@State(Scope.Benchmark)
public class OrmBootBenchmark {
    private Engine engine;
    private DataSource dataSource;
    private SessionFactory built;

    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        engine = Engine.builder("jdbc:h2:mem:boot;DB_CLOSE_DELAY=-1").user("sa").password("").poolSize(4)
                .maxOverflow(0).build();
        dataSource = engine.unwrap(DataSource.class);
        try (Connection c = dataSource.getConnection()) {
            c.rollback();
        }
        OrmDatabase.HIBERNATE_LOG.getLevel(); // java.util.logging set up before, not during, the measurement
    }

    @Benchmark
    public SessionMaker boot50_athanor() {
        Registry registry = Registry.of(AthanorBootEntities.ALL);
        return SessionMaker.of(engine, registry);
    }

    @Benchmark
    public SessionFactory boot50_hibernate() {
        built = OrmDatabase.hibernate(new Configuration(), dataSource, HibernateBootEntities.ALL);
        return built;
    }

    @Benchmark
    public SessionFactory boot50_hibernateNoJdbcMetadata() {
        Configuration configuration = new Configuration();
        configuration.setProperty(AvailableSettings.JAKARTA_HBM2DDL_DB_NAME, "H2");
        configuration.setProperty(AvailableSettings.JAKARTA_HBM2DDL_DB_MAJOR_VERSION, "2");
        configuration.setProperty(AvailableSettings.JAKARTA_HBM2DDL_DB_MINOR_VERSION, "5");
        configuration.setProperty(AvailableSettings.ALLOW_METADATA_ON_BOOT, "false");
        built = OrmDatabase.hibernate(configuration, dataSource, HibernateBootEntities.ALL);
        return built;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (built != null) {
            built.close();
        }
        engine.dispose();
    }
}
