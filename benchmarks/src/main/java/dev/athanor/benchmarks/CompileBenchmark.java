package dev.athanor.benchmarks;

import dev.athanor.Func;
import dev.athanor.Row;
import dev.athanor.Select;
import dev.athanor.impl.engine.EngineImpl;
import dev.athanor.impl.sql.SqlCompiler;
import dev.athanor.schema.Column;
import dev.athanor.schema.MetaData;
import dev.athanor.schema.Table;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static dev.athanor.Sql.select;
import static dev.athanor.schema.Schema.column;
import static dev.athanor.schema.SqlTypes.INTEGER;
import static dev.athanor.schema.SqlTypes.numeric;
import static dev.athanor.schema.SqlTypes.varchar;

/**
 * The cost of the SQL expression language (issue 4), on a 3-table join with 5 predicates:
 * <ul>
 *   <li>{@code compileCached}: bind a prebuilt statement (key walk, cache hit, values in slot order).</li>
 *   <li>{@code compileUncached}: render its SQL from scratch, as on a cache miss.</li>
 *   <li>{@code buildAndCompileCached}: build the statement with fresh values and bind it: what a user pays per call
 *   before JDBC.</li>
 *   <li>{@code execute_athanor} / {@code execute_jdbc}: the whole query on the database, rows read, against the same
 *   query written by hand in JDBC over the same pool.</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class CompileBenchmark {
    private static final String JDBC_SQL = "SELECT bench_users.name, bench_groups.name AS grp, bench_orders.total "
            + "FROM bench_users JOIN bench_groups ON bench_users.group_id = bench_groups.id "
            + "JOIN bench_orders ON bench_orders.user_id = bench_users.id "
            + "WHERE bench_users.age >= ? AND bench_users.age < ? AND bench_orders.status = ? "
            + "AND bench_orders.total > ? AND bench_groups.id IN (?, ?, ?) ORDER BY bench_orders.id";

    private Table users;
    private Table groups;
    private Table orders;
    private Select<Row> prebuilt;
    private SqlCompiler compiler;

    @Setup
    public void setUp(BenchDatabase db) {
        MetaData metadata = new MetaData();
        groups = metadata.table("bench_groups", column("id", INTEGER).primaryKey(), column("name", varchar(50)));
        users = metadata.table("bench_users", column("id", INTEGER).primaryKey(), column("name", varchar(50)),
                column("age", INTEGER), column("group_id", INTEGER).references("bench_groups.id"));
        orders = metadata.table("bench_orders", column("id", INTEGER).primaryKey(),
                column("user_id", INTEGER).references("bench_users.id"), column("total", numeric(12, 2)),
                column("status", varchar(10)));
        prebuilt = query(20, 60, new BigDecimal("10.00"));
        compiler = ((EngineImpl) db.engine).compiler();
    }

    private Select<Row> query(int minAge, int maxAge, BigDecimal minTotal) {
        Column<Integer> age = users.c("age");
        Column<String> status = orders.c("status");
        Column<BigDecimal> total = orders.c("total");
        Column<Integer> groupId = groups.c("id");
        return select(users.c("name"), groups.c("name").label("grp"), total)
                .join(groups)
                .join(orders)
                .where(age.ge(minAge), age.lt(maxAge), status.eq("open"), total.gt(minTotal),
                        groupId.in(List.of(1, 2, 3)))
                .orderBy(orders.c("id"));
    }

    @Benchmark
    public SqlCompiler.Binding compileCached() {
        return compiler.bind(prebuilt, null);
    }

    @Benchmark
    public Object compileUncached() {
        return compiler.compile(prebuilt, Set.of());
    }

    @Benchmark
    public SqlCompiler.Binding buildAndCompileCached() {
        int minAge = ThreadLocalRandom.current().nextInt(18, 40);
        return compiler.bind(query(minAge, minAge + 30, BigDecimal.TEN), null);
    }

    @Benchmark
    public void execute_athanor(BenchDatabase db, Blackhole bh) {
        int minAge = ThreadLocalRandom.current().nextInt(18, 40);
        Select<Row> stmt = query(minAge, minAge + 30, BigDecimal.TEN);
        try (dev.athanor.Connection conn = db.engine.connect()) {
            for (Row row : conn.execute(stmt)) {
                bh.consume(row.get(0));
                bh.consume(row.get(1));
                bh.consume(row.get(2));
            }
        }
    }

    @Benchmark
    public void execute_jdbc(BenchDatabase db, Blackhole bh) throws SQLException {
        int minAge = ThreadLocalRandom.current().nextInt(18, 40);
        try (Connection c = db.dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(JDBC_SQL)) {
                ps.setInt(1, minAge);
                ps.setInt(2, minAge + 30);
                ps.setString(3, "open");
                ps.setBigDecimal(4, BigDecimal.TEN);
                ps.setInt(5, 1);
                ps.setInt(6, 2);
                ps.setInt(7, 3);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        bh.consume(rs.getString(1));
                        bh.consume(rs.getString(2));
                        bh.consume(rs.getBigDecimal(3));
                    }
                }
            }
            c.rollback();
        }
    }
}
