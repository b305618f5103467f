package dev.athanor.core;

import dev.athanor.Connection;
import dev.athanor.Engine;
import dev.athanor.Result;
import dev.athanor.Row;
import dev.athanor.TextClause;
import dev.athanor.testing.DatabaseTest;
import dev.athanor.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.athanor.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every example of sections 1-3 of the seed spec, as written there, on the test database. */
@DatabaseTest
class SpecExamplesTest {

    record Point(int x, int y) {
    }

    // ------------------------------------------------------------ 1. Creating an engine

    @Test
    void section1_builderWithSqlalchemyUrl(TestDatabase db) {
        Engine engine = Engine.builder(db.sqlalchemyUrl())
                .echo(true)
                .poolSize(5)
                .poolRecycle(Duration.ofHours(1))
                .build();
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute(text("SELECT 1 + 1")).scalarOne(Integer.class)).isEqualTo(2);
        }
        assertThat(engine.dialectName()).isEqualTo(db.name().toLowerCase());
        engine.dispose();
        assertThatThrownBy(engine::connect).isInstanceOf(dev.athanor.ResourceClosedError.class);
    }

    @Test
    void section1_createWithJdbcUrl(TestDatabase db) {
        Engine engine = db == TestDatabase.H2 ? Engine.create("jdbc:h2:mem:demo")
                : Engine.builder(db.jdbcUrl()).user(db.user()).password(db.password()).build();
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute(text("SELECT 42")).scalarOne(Long.class)).isEqualTo(42L);
        } finally {
            engine.dispose();
        }
    }

    @Test
    void section1_builderWithUserAndPassword(TestDatabase db) {
        Engine engine = Engine.builder(db.jdbcUrl()).user(db.user()).password(db.password()).build();
        try {
            String ok = engine.inTransaction(conn -> conn.execute(text("SELECT 'ok'")).scalarOne(String.class));
            assertThat(ok).isEqualTo("ok");
        } finally {
            engine.dispose();
        }
    }

    // ------------------------------------------------------------ 2. Core: SQL directly

    @Test
    void section2_sqlDirectly(Engine engine, TestDatabase db) throws Exception {
        engine.begin(conn -> {
            conn.execute(text("CREATE TABLE users (id int primary key, name varchar(30))"));
            conn.execute(text("CREATE TABLE some_table (x int, y int)"));
            conn.execute(text("INSERT INTO users (id, name) VALUES (1, 'spongebob'), (2, 'sandy')"));
            conn.execute(text("INSERT INTO some_table (x, y) VALUES (1, 1), (2, 4), (3, 9)"));
        });

        try (Connection conn = engine.connect()) {
            Result result = conn.execute(text("select * from users"));
            List<Row> all = result.all();
            assertThat(all).hasSize(2);
            assertThat(all.toString()).contains("'spongebob'").contains("'sandy'");

            List<Object> xs = new ArrayList<>();
            for (Row row : conn.execute(text("select x, y from some_table order by x"))) {
                Object x = row.get("x");
                Object y = row.get(1);
                Integer xi = row.get("x", Integer.class);
                assertThat(row.get("X")).isEqualTo(x);             // labels are case-insensitive
                assertThat(((Number) y).intValue()).isEqualTo(xi * xi);
                xs.add(xi);
            }
            assertThat(xs).containsExactly(1, 2, 3);

            List<Point> points = conn.execute(text("select x, y from some_table order by x")).mapTo(Point.class).all();
            assertThat(points).containsExactly(new Point(1, 1), new Point(2, 4), new Point(3, 9));

            Result r = conn.execute(text("SELECT x, y FROM some_table WHERE y > :y"), Map.of("y", 2));
            assertThat(r.all()).hasSize(2);
            TextClause stmt = text("SELECT x, y FROM some_table WHERE y > :y ORDER BY x, y").bindParams(Map.of("y", 6));
            assertThat(conn.execute(stmt).scalars(Integer.class).all()).containsExactly(3);
            conn.execute(text("INSERT INTO some_table (x, y) VALUES (:x, :y)"),
                    List.of(Map.of("x", 11, "y", 12), Map.of("x", 13, "y", 14)));   // executemany: one JDBC batch
            conn.commit();
        }
        assertThat(db.countRows("some_table")).isEqualTo(5);
    }

    // ------------------------------------------------------------ 3. Transactions

    @Test
    void section3_commitAsYouGoAndBeginOnce(Engine engine, TestDatabase db) throws Exception {
        try (Connection conn = engine.connect()) {
            conn.execute(text("CREATE TABLE some_table (x int, y int)"));
            conn.execute(text("INSERT INTO some_table (x, y) VALUES (:x, :y)"),
                    List.of(Map.of("x", 1, "y", 1), Map.of("x", 2, "y", 4)));
            conn.commit();
        }
        try (Connection conn = engine.connect()) {
            conn.execute(text("INSERT INTO some_table (x, y) VALUES (:x, :y)"), Map.of("x", 99, "y", 99));
        }   // close() rolls back what was not committed
        assertThat(db.countRows("some_table")).isEqualTo(2);

        engine.begin(conn -> conn.execute(text("INSERT INTO some_table (x, y) VALUES (:x, :y)"),
                List.of(Map.of("x", 6, "y", 8), Map.of("x", 9, "y", 10))));
        long n = engine.inTransaction(conn -> conn.execute(text("select count(*) from some_table")).scalarOne(Long.class));
        assertThat(n).isEqualTo(4);

        assertThatThrownBy(() -> engine.begin(conn -> {
            conn.execute(text("INSERT INTO some_table (x, y) VALUES (:x, :y)"), Map.of("x", 7, "y", 7));
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class).hasMessage("boom");
        assertThat(db.countRows("some_table")).isEqualTo(4);
        assertThat(engine.poolStatus().checkedOut()).isZero();
    }
}
