package dev.athanor.benchmarks;

import dev.athanor.Engine;
import dev.athanor.benchmarks.orm.OrmItem;
import dev.athanor.orm.Registry;
import dev.athanor.orm.Session;
import dev.athanor.orm.SessionMaker;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * What a get-by-key sends to PostgreSQL, Athanor's {@code session.get} against the JDBC baseline of
 * {@code OrmVsHibernateBenchmark.getByPk_jdbc}: pgJDBC's protocol trace ({@code FE=>} messages the client sends,
 * {@code <=BE} replies) of the 20th call of each (after pgJDBC's {@code prepareThreshold} of 5 has switched to a
 * server-side prepared statement), with the number of messages each way. Makes {@code orm_items} (20 rows) in the
 * benchmarks' database ({@code athanor_bench}, or {@code -Dathanor.bench.database}):
 *
 * <pre>java -Dathanor.bench.database=athanor_bench -cp benchmarks/target/benchmarks.jar dev.athanor.benchmarks.WireTrace</pre>
 */
public final class WireTrace {
    private static final String GET_SQL =
            "SELECT id, name, quantity, price, created, active FROM orm_items WHERE id = ?";

    private WireTrace() {
    }

    public static void main(String[] args) throws Exception {
        BenchDatabase.createDatabase("postgresql");
        Engine engine = Engine.builder(BenchDatabase.url("postgresql", "")).user("postgres").password("")
                .poolSize(4).maxOverflow(0).build();
        try {
            Registry registry = Registry.of(OrmItem.class);
            registry.metadata().dropAll(engine);
            registry.metadata().createAll(engine);
            SessionMaker sessions = SessionMaker.of(engine, registry);
            DataSource dataSource = engine.unwrap(DataSource.class);
            try (Connection c = dataSource.getConnection()) {
                OrmDatabase.fill(c, "orm_items", 20, "name ");
                c.commit();
            }
            List<String> messages = new ArrayList<>();
            Logger pg = Logger.getLogger("org.postgresql");
            Handler handler = new Handler() {
                @Override
                public void publish(LogRecord record) {
                    String text = record.getMessage();
                    if (record.getParameters() != null) {
                        text = java.text.MessageFormat.format(text, record.getParameters());
                    }
                    messages.add(text.strip());
                }

                @Override
                public void flush() {
                }

                @Override
                public void close() {
                }
            };
            pg.addHandler(handler);
            for (int round = 1; round <= 20; round++) {
                boolean last = round == 20;
                pg.setLevel(last ? Level.FINEST : Level.OFF);
                messages.clear();
                try (Session session = sessions.open()) {
                    session.get(OrmItem.class, round);
                }
                if (last) {
                    print("Athanor session.get", messages);
                }
            }
            for (int round = 1; round <= 20; round++) {
                boolean last = round == 20;
                pg.setLevel(last ? Level.FINEST : Level.OFF);
                messages.clear();
                try (Connection c = dataSource.getConnection()) {
                    try (PreparedStatement ps = c.prepareStatement(GET_SQL)) {
                        ps.setInt(1, round);
                        try (ResultSet rs = ps.executeQuery()) {
                            rs.next();
                        }
                    }
                    c.rollback();
                }
                if (last) {
                    print("JDBC", messages);
                }
            }
            pg.setLevel(Level.OFF);
        } finally {
            engine.dispose();
        }
    }

    private static void print(String title, List<String> messages) {
        long sent = messages.stream().filter(m -> m.startsWith("FE=>")).count();
        long received = messages.stream().filter(m -> m.startsWith("<=BE")).count();
        long syncs = messages.stream().filter(m -> m.startsWith("FE=> Sync")).count();
        System.out.println("== " + title + ": " + sent + " messages sent, " + received + " received, " + syncs
                + " round trips (Sync)");
        messages.stream().filter(m -> m.startsWith("FE=>") || m.startsWith("<=BE")).forEach(System.out::println);
    }
}
