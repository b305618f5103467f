package dev.athanor.core.sql;

import dev.athanor.ArgumentError;
import dev.athanor.Connection;
import dev.athanor.Engine;
import dev.athanor.Func;
import dev.athanor.Row;
import dev.athanor.Select;
import dev.athanor.impl.engine.EngineImpl;
import dev.athanor.schema.Column;
import dev.athanor.schema.MetaData;
import dev.athanor.schema.ReferentialAction;
import dev.athanor.schema.Table;
import dev.athanor.sql.Cte;
import dev.athanor.sql.Expression;
import dev.athanor.sql.Subquery;
import dev.athanor.sql.TableAlias;
import dev.athanor.testing.DatabaseTest;
import dev.athanor.testing.StatementRecorder;
import dev.athanor.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static dev.athanor.Sql.and;
import static dev.athanor.Sql.caseWhen;
import static dev.athanor.Sql.cast;
import static dev.athanor.Sql.delete;
import static dev.athanor.Sql.excluded;
import static dev.athanor.Sql.exists;
import static dev.athanor.Sql.insert;
import static dev.athanor.Sql.not;
import static dev.athanor.Sql.or;
import static dev.athanor.Sql.select;
import static dev.athanor.Sql.text;
import static dev.athanor.Sql.update;
import static dev.athanor.schema.Schema.column;
import static dev.athanor.schema.SqlTypes.INTEGER;
import static dev.athanor.schema.SqlTypes.numeric;
import static dev.athanor.schema.SqlTypes.varchar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The SQL expression language end to end: statements built in Java, compiled per dialect, rows checked. */
@DatabaseTest
class ExpressionLanguageTest {
    MetaData metadata;
    Table groups;
    Table users;
    Table orders;

    @BeforeEach
    void schema(Engine engine) {
        metadata = new MetaData();
        groups = metadata.table("groups", column("id", INTEGER).primaryKey(), column("name", varchar(30)).nullable(false));
        users = metadata.table("users",
                column("id", INTEGER).primaryKey(),
                column("name", varchar(30)).nullable(false).index(),
                column("age", INTEGER),
                column("group_id", INTEGER).references("groups.id").onDelete(ReferentialAction.SET_NULL));
        orders = metadata.table("orders",
                column("id", INTEGER).primaryKey(),
                column("user_id", INTEGER).references("users.id"),
                column("total", numeric(10, 2)).nullable(false));
        metadata.createAll(engine);
        engine.begin(conn -> {
            conn.execute(insert(groups), List.of(Map.of("id", 1, "name", "admins"), Map.of("id", 2, "name", "staff")));
            conn.execute(insert(users).values(List.of(
                    Map.of("id", 1, "name", "ada", "age", 36, "group_id", 1),
                    Map.of("id", 2, "name", "alan", "age", 41, "group_id", 2),
                    Map.of("id", 3, "name", "grace", "age", 85, "group_id", 2))));
            conn.execute(insert(users).values(Map.of("id", 4, "name", "Linus")));
            conn.execute(insert(orders), List.of(
                    Map.of("id", 1, "user_id", 1, "total", new BigDecimal("10.00")),
                    Map.of("id", 2, "user_id", 1, "total", new BigDecimal("25.50")),
                    Map.of("id", 3, "user_id", 2, "total", new BigDecimal("7.25"))));
        });
    }

    private List<Row> rows(Engine engine, dev.athanor.Executable stmt) {
        return engine.inTransaction(conn -> conn.execute(stmt).all());
    }

    private <T> List<T> values(Engine engine, Select<Row> stmt, Class<T> type) {
        return engine.inTransaction(conn -> conn.execute(stmt).scalars(type).all());
    }

    @Test
    void whereOrderLimitOffset(Engine engine) {
        Column<String> name = users.c("name");
        Column<Integer> age = users.c("age");
        assertThat(values(engine, select(name).where(age.gt(30)).where(age.lt(50)).orderBy(name.desc()), String.class))
                .containsExactly("alan", "ada");
        assertThat(values(engine, select(name).orderBy(users.c("id")).limit(2).offset(1), String.class))
                .containsExactly("alan", "grace");
        assertThat(values(engine, select(name).orderBy(users.c("id")).offset(3), String.class)).containsExactly("Linus");
        assertThat(values(engine, select(name).where(age.isNull()), String.class)).containsExactly("Linus");
        assertThat(values(engine, select(name).where(age.between(40, 90)).orderBy(name), String.class))
                .containsExactly("alan", "grace");
        assertThat(values(engine, select(name).where(or(name.eq("ada"), and(age.ge(80), not(name.like("x%")))))
                .orderBy(name), String.class)).containsExactly("ada", "grace");
        assertThat(values(engine, select(name).where(name.ilike("LI%")), String.class)).containsExactly("Linus");
        assertThat(values(engine, select(name).where(name.startsWith("al")), String.class)).containsExactly("alan");
        assertThat(values(engine, select(name).orderBy(age.desc().nullsLast(), name), String.class))
                .containsExactly("grace", "alan", "ada", "Linus");
        assertThat(values(engine, select(name).orderBy(age.asc().nullsFirst()), String.class)).first().isEqualTo("Linus");
    }

    @Test
    void inListsIncludingEmptyOnes(Engine engine) {
        Column<Integer> id = users.c("id");
        assertThat(values(engine, select(id).where(id.in(List.of(1, 3))).orderBy(id), Integer.class)).containsExactly(1, 3);
        assertThat(values(engine, select(id).where(id.in(2, 4)).orderBy(id), Integer.class)).containsExactly(2, 4);
        assertThat(values(engine, select(id).where(id.in(List.of())), Integer.class)).isEmpty();
        assertThat(values(engine, select(id).where(id.notIn(List.of())), Integer.class)).hasSize(4);
        assertThat(values(engine, select(id).where(id.notIn(List.of(1, 2))).orderBy(id), Integer.class)).containsExactly(3, 4);
    }

    @Test
    void joinsInferTheForeignKey(Engine engine) {
        Select<Row> stmt = select(users.c("name"), orders.c("total")).join(orders).orderBy(orders.c("id"));
        List<Row> rows = rows(engine, stmt);
        assertThat(rows).extracting(r -> r.get(users.c("name"))).containsExactly("ada", "ada", "alan");
        Column<BigDecimal> total = orders.c("total");
        BigDecimal second = rows.get(1).get(total);
        assertThat(second).isEqualByComparingTo("25.50");

        Select<Row> outer = select(users.c("name"), Func.count(orders.c("id")).label("n"))
                .outerJoin(orders).groupBy(users.c("name")).orderBy(users.c("name"));
        // MariaDB sorts names case-insensitively, the others by code point: compare without order.
        assertThat(rows(engine, outer)).extracting(r -> r.get("name") + "=" + r.get("n", Long.class))
                .containsExactlyInAnyOrder("Linus=0", "ada=2", "alan=1", "grace=0");

        Select<Row> threeTables = select(groups.c("name"), Func.sum(orders.c("total")).label("spent"))
                .selectFrom(groups.join(users).join(orders))
                .groupBy(groups.c("name")).having(Func.count(orders.c("id")).gt(1L));
        Row admins = rows(engine, threeTables).get(0);
        assertThat(admins.get("name")).isEqualTo("admins");
        assertThat(admins.get("spent", BigDecimal.class)).isEqualByComparingTo("35.50");
    }

    @Test
    void selfJoinThroughAnAlias(Engine engine) {
        TableAlias other = users.alias("other");
        Select<Row> stmt = select(users.c("name"), other.c("name").label("peer"))
                .selectFrom(users.join(other, and(users.c("group_id").eq(other.c("group_id")), users.c("id").lt(other.c("id")))));
        assertThat(rows(engine, stmt)).extracting(r -> r.get("name") + "/" + r.get("peer")).containsExactly("alan/grace");
    }

    @Test
    void functionsCaseCastArithmeticConcat(Engine engine) {
        Column<Integer> age = users.c("age");
        Column<String> name = users.c("name");
        Row row = rows(engine, select(
                Func.max(age).label("oldest"), Func.min(age).label("youngest"), Func.count().label("n"),
                Func.countDistinct(users.c("group_id")).label("groups"),
                Func.coalesce(Func.sum(age), 0).label("total")).selectFrom(users)).get(0);
        assertThat(row.get("oldest", Integer.class)).isEqualTo(85);
        assertThat(row.get("youngest", Integer.class)).isEqualTo(36);
        assertThat(row.get("n", Long.class)).isEqualTo(4L);
        assertThat(row.get("groups", Long.class)).isEqualTo(2L);
        assertThat(row.get("total", Long.class)).isEqualTo(162L);

        List<Row> shaped = rows(engine, select(
                Func.upper(name).label("shout"), name.concat("!").label("excited"), age.plus(1).times(2).label("calc"),
                caseWhen(age.lt(40), "young").when(age.lt(80), "middle").otherwise("old").label("band"),
                cast(age, varchar(10)).label("age_text")).where(users.c("id").eq(1)));
        Row ada = shaped.get(0);
        assertThat(ada.get("shout")).isEqualTo("ADA");
        assertThat(ada.get("excited")).isEqualTo("ada!");
        assertThat(ada.get("calc", Integer.class)).isEqualTo(74);
        assertThat(ada.get("band")).isEqualTo("young");
        assertThat(ada.get("age_text", String.class)).isEqualTo("36");
    }

    @Test
    void subqueriesExistsCtesUnions(Engine engine) {
        Column<Integer> id = users.c("id");
        Select<Row> buyers = select(orders.c("user_id")).where(orders.c("total").gt(new BigDecimal("5")));
        assertThat(values(engine, select(users.c("name")).where(id.in(buyers)).orderBy(id), String.class))
                .containsExactly("ada", "alan");
        Expression<Boolean> hasOrder = exists(select(orders.c("id")).where(orders.c("user_id").eq(id)));
        assertThat(values(engine, select(users.c("name")).where(not(hasOrder)).orderBy(id), String.class))
                .containsExactly("grace", "Linus");
        Expression<Long> orderCount = select(Func.count()).selectFrom(orders).where(orders.c("user_id").eq(id))
                .scalarSubquery();
        assertThat(rows(engine, select(users.c("name"), orderCount.label("n")).orderBy(id)))
                .extracting(r -> r.get("n", Long.class)).containsExactly(2L, 1L, 0L, 0L);

        Subquery totals = select(orders.c("user_id"), Func.sum(orders.c("total")).label("spent"))
                .groupBy(orders.c("user_id")).subquery("totals");
        assertThat(rows(engine, select(users.c("name"), totals.c("spent"))
                .selectFrom(users.join(totals, totals.c("user_id").eq(id))).orderBy(users.c("name"))))
                .extracting(r -> r.get("name")).containsExactly("ada", "alan");

        Cte rich = select(orders.c("user_id")).where(orders.c("total").gt(new BigDecimal("20"))).cte("rich");
        assertThat(values(engine, select(users.c("name")).selectFrom(users.join(rich, rich.c("user_id").eq(id))),
                String.class)).containsExactly("ada");

        Cte counter = select(dev.athanor.Sql.literal(1).label("n")).cteRecursive("counter");
        counter = counter.unionAll(select(counter.c("n").plus(1)).selectFrom(counter).where(counter.c("n").lt(5)));
        assertThat(values(engine, select(counter.c("n")).selectFrom(counter).orderBy(counter.c("n")), Integer.class))
                .containsExactly(1, 2, 3, 4, 5);

        List<String> names = engine.inTransaction(conn -> conn.execute(select(users.c("name")).where(id.lt(3))
                .union(select(groups.c("name"))).orderBy(users.c("name"))).scalars(String.class).all());
        assertThat(names).containsExactly("ada", "admins", "alan", "staff");
        long all = engine.inTransaction(conn -> (long) conn.execute(select(users.c("id"))
                .unionAll(select(orders.c("user_id")))).all().size());
        assertThat(all).isEqualTo(7);
    }

    @Test
    void updatesDeletesAndReturning(Engine engine, TestDatabase db) throws Exception {
        Column<Integer> age = users.c("age");
        long updated = engine.inTransaction(conn -> conn.execute(update(users).where(age.isNotNull())
                .set(age, age.plus(1))).rowcount());
        assertThat(updated).isEqualTo(3);
        assertThat(values(engine, select(age).where(users.c("id").eq(1)), Integer.class)).containsExactly(37);

        Row inserted = engine.inTransaction(conn -> conn.execute(insert(users)
                .values(Map.of("id", 10, "name", "new")).returning(users.c("id"), users.c("name"))).one());
        Column<Integer> id = users.c("id");
        Integer insertedId = inserted.get(id);
        assertThat(insertedId).isEqualTo(10);
        // Native RETURNING on PostgreSQL, FINAL TABLE on H2, emulated (lock keys, update, re-read) on MariaDB.
        Column<String> name = users.c("name");
        List<Row> bumped = engine.inTransaction(conn -> conn.execute(update(users).where(age.gt(40))
                .set(age, age.plus(100)).returning(users.c("id"), name, age)).all());
        assertThat(bumped).extracting(r -> r.get(name) + ":" + r.get(age)).containsExactlyInAnyOrder("alan:142", "grace:186");
        List<Row> deleted = engine.inTransaction(conn -> conn.execute(delete(orders)
                .where(orders.c("total").lt(new BigDecimal("20"))).returning(orders.c("id"))).all());
        assertThat(deleted).extracting(r -> r.get(0, Integer.class)).containsExactlyInAnyOrder(1, 3);
        assertThat(db.countRows("orders")).isEqualTo(1);
    }

    @Test
    void upserts(Engine engine) {
        engine.begin(conn -> {
            conn.execute(insert(groups).values(Map.of("id", 1, "name", "ignored")).onConflictDoNothing(List.of("id")));
            conn.execute(insert(groups).values(Map.of("id", 2, "name", "people"))
                    .onConflictDoUpdate(List.of("id"), Map.of("name", excluded("name"))));
            conn.execute(insert(groups).values(Map.of("id", 3, "name", "guests"))
                    .onConflictDoUpdate(List.of("id"), Map.of("name", excluded("name"))));
            conn.execute(insert(groups).values(Map.of("id", 3, "name", "visitors"))
                    .onDuplicateKeyUpdate(Map.of("name", groups.c("name").concat("+"))));
        });
        assertThat(values(engine, select(groups.c("name")).orderBy(groups.c("id")), String.class))
                .containsExactly("admins", "people", "guests+");
    }

    @Test
    void valuesAreAlwaysBound(Engine engine, TestDatabase db) throws Exception {
        String evil = "x'); DROP TABLE users; --";
        engine.begin(conn -> conn.execute(insert(users).values(Map.of("id", 99, "name", evil))));
        assertThat(values(engine, select(users.c("name")).where(users.c("name").eq(evil)), String.class)).containsExactly(evil);
        assertThat(db.countRows("users")).isEqualTo(5);
        assertThat(select(users.c("name")).where(users.c("name").eq(evil)).compile(db.name().toLowerCase()).sql())
                .doesNotContain("DROP");
    }

    @Test
    void errorsBeforeExecution(Engine engine) {
        try (StatementRecorder recorder = StatementRecorder.on(engine); Connection conn = engine.connect()) {
            assertThatThrownBy(() -> conn.execute(select(users.c("name")).where(orders.c("total").gt(new BigDecimal(1)))))
                    .isInstanceOf(ArgumentError.class).hasMessageContaining("orders").hasMessageContaining("FROM");
            assertThatThrownBy(() -> insert(users).values(Map.of("nmae", "typo")))
                    .isInstanceOf(ArgumentError.class).hasMessageContaining("nmae").hasMessageContaining("users");
            assertThatThrownBy(() -> conn.execute(select(groups.c("name")).join(orders)))
                    .isInstanceOf(ArgumentError.class).hasMessageContaining("no foreign key")
                    .hasMessageContaining("groups").hasMessageContaining("orders");
            MetaData twoKeys = new MetaData();
            Table a = twoKeys.table("a", column("id", INTEGER).primaryKey());
            Table b = twoKeys.table("b", column("id", INTEGER).primaryKey(),
                    column("x", INTEGER).references("a.id"), column("y", INTEGER).references("a.id"));
            assertThatThrownBy(() -> conn.execute(select(a.c("id")).join(b)))
                    .isInstanceOf(ArgumentError.class).hasMessageContaining("more than one foreign key")
                    .hasMessageContaining("a").hasMessageContaining("b");
            Column<Object> age = users.c("age");
            assertThatThrownBy(() -> age.eq("forty")).isInstanceOf(ArgumentError.class)
                    .hasMessageContaining("users.age").hasMessageContaining("INTEGER").hasMessageContaining("forty");
            assertThatThrownBy(() -> insert(users).values(Map.of("id", "one"))).isInstanceOf(ArgumentError.class)
                    .hasMessageContaining("'id'").hasMessageContaining("INTEGER");
            assertThat(recorder.count()).isZero();
        }
    }

    @Test
    void repeatedShapesAreCompiledOnce(Engine engine) {
        EngineImpl impl = (EngineImpl) engine;
        int before = impl.compiler().cacheSize();
        for (int i = 1; i <= 4; i++) {
            int id = i;
            String found = engine.inTransaction(conn -> conn.execute(select(users.c("name"))
                    .where(users.c("id").eq(id))).scalarOne(String.class));
            assertThat(found).isNotNull();
        }
        assertThat(impl.compiler().cacheSize()).isEqualTo(before + 1);
    }

    @Test
    void toStringAndCompileShowTheSql(TestDatabase db) {
        Select<Row> stmt = select(users.c("name")).where(users.c("id").eq(5)).limit(3);
        assertThat(stmt.toString()).isEqualTo("SELECT users.name FROM users WHERE users.id = ? FETCH FIRST ? ROWS ONLY");
        assertThat(stmt.compile("mariadb").sql()).isEqualTo("SELECT users.name FROM users WHERE users.id = ? LIMIT ?");
        assertThat(stmt.compile("postgresql").params()).containsExactly(5, 3);
        assertThat(select(users.c("name")).offset(2).compile("mariadb").sql()).endsWith("LIMIT 18446744073709551615 OFFSET ?");
        assertThat(select(users.c("name")).offset(2).compile("postgresql").sql()).endsWith("OFFSET ? ROWS");
    }

    @Test
    void schemaReflectsBack(Engine engine) {
        MetaData reflected = new MetaData();
        reflected.reflect(engine);
        Table u = reflected.get("users");
        assertThat(u.columns()).extracting(Column::name).containsExactly("id", "name", "age", "group_id");
        assertThat(u.primaryKey()).extracting(Column::name).containsExactly("id");
        assertThat(u.foreignKeys()).singleElement().satisfies(fk -> {
            assertThat(fk.targetTable()).isEqualTo("groups");
            assertThat(fk.onDelete()).isEqualTo(ReferentialAction.SET_NULL);
        });
        assertThat(u.c("name").isNullable()).isFalse();
        assertThat(u.c("name").type().length()).isEqualTo(30);
        assertThat(u.indexes()).anyMatch(i -> i.columns().equals(List.of("name")));
        assertThat(Table.reflect(engine, "orders").metadata().contains("users")).isTrue();

        metadata.dropAll(engine);
        MetaData empty = new MetaData();
        empty.reflect(engine);
        assertThat(empty.tables()).isEmpty();
        metadata.createAll(engine);
        metadata.createAll(engine); // checkFirst: nothing to do the second time
    }
}
