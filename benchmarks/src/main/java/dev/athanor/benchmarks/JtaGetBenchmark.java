package dev.athanor.benchmarks;

import com.arjuna.ats.internal.jta.transaction.arjunacore.TransactionSynchronizationRegistryImple;
import dev.athanor.Engine;
import dev.athanor.benchmarks.orm.OrmItem;
import dev.athanor.impl.engine.ManagedEngines;
import dev.athanor.impl.xa.RegistryTransactions;
import dev.athanor.orm.Registry;
import dev.athanor.orm.Session;
import dev.athanor.orm.SessionMaker;
import io.agroal.narayana.NarayanaTransactionIntegration;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A get by primary key inside a JTA transaction (Narayana begins and commits; the pool is Agroal's Narayana
 * integration, as the CDI extension builds it), with the statement cache off ({@code cache=0}) and on
 * ({@code cache=100}): the cost of preparing the SELECT per transaction against a cache hit with Agroal's enlistment
 * check. 1,000 rows, pool of 4.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class JtaGetBenchmark {
    private static final int ROWS = 1_000;

    @Param({"h2", "postgresql"})
    public String db;

    @Param({"0", "100"})
    public int cache;

    private TransactionManager tm;
    private Engine engine;
    private SessionMaker sessions;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        System.setProperty("com.arjuna.ats.arjuna.objectstore.objectStoreDir", "target/narayana-store");
        System.setProperty("ObjectStoreEnvironmentBean.objectStoreDir", "target/narayana-store");
        BenchDatabase.createDatabase(db);
        tm = com.arjuna.ats.jta.TransactionManager.transactionManager();
        TransactionSynchronizationRegistry tsr = new TransactionSynchronizationRegistryImple();
        engine = ManagedEngines.pooled(Engine.builder(BenchDatabase.url(db, "jtabench")).user(BenchDatabase.user(db))
                .password("").poolSize(4).maxOverflow(0).statementCacheSize(cache).options(),
                new NarayanaTransactionIntegration(tm, tsr), new RegistryTransactions(tsr));
        Registry registry = Registry.of(OrmItem.class);
        registry.metadata().dropAll(engine);
        registry.metadata().createAll(engine);
        try (Connection c = engine.unwrap(DataSource.class).getConnection(); Statement st = c.createStatement()) {
            OrmDatabase.fill(c, "orm_items", ROWS, "name ");
            c.commit();
        }
        sessions = SessionMaker.of(engine, registry);
        if (get() == null) {
            throw new IllegalStateException("no row found");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        engine.dispose();
    }

    @Benchmark
    public OrmItem get() throws Exception {
        int id = ThreadLocalRandom.current().nextInt(1, ROWS + 1);
        tm.begin();
        try {
            OrmItem item;
            try (Session session = sessions.open()) {
                item = session.get(OrmItem.class, id);
                session.connection().close();   // the transaction decides; the Session hands its connection back
            }
            tm.commit();
            return item;
        } catch (Exception | Error e) {
            if (tm.getTransaction() != null) {
                tm.rollback();
            }
            throw e;
        }
    }
}
