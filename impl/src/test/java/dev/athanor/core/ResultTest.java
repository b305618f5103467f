package dev.athanor.core;

import dev.athanor.ArgumentError;
import dev.athanor.Connection;
import dev.athanor.Engine;
import dev.athanor.MultipleResultsFound;
import dev.athanor.NoResultFound;
import dev.athanor.ResourceClosedError;
import dev.athanor.Result;
import dev.athanor.Row;
import dev.athanor.ScalarResult;
import dev.athanor.testing.DatabaseTest;
import dev.athanor.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static dev.athanor.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/** The Result, ScalarResult and Row API over real cursors, on each test database. */
@DatabaseTest
class ResultTest {

    private static final LocalDateTime APPLE_CREATED = LocalDateTime.of(2024, 1, 15, 10, 30, 0);

    /** Components matched to columns by name: {@code made_on} fills {@code madeOn}, {@code time_created} {@code timeCreated}. */
    record Item(int id, String name, Long qty, BigDecimal price, Boolean active, LocalDate madeOn,
            LocalDateTime timeCreated) {
    }

    /** Components listed in another order than the columns, with names in another case. */
    record Shouting(String NAME, Integer ID) {
    }

    record Priced(String name, BigDecimal price) {
    }

    record WithNickname(int id, String nickname) {
    }

    record PrimitiveQty(int id, long qty) {
    }

    /** A plain class: no-argument constructor, fields set by name. */
    static final class ItemBean {
        private Integer id;
        private String name;
        private BigDecimal price;
        private LocalDateTime timeCreated;
        private String notAColumn = "untouched";
    }

    @BeforeEach
    void data(Engine engine) {
        engine.begin(conn -> {
            conn.execute(text("CREATE TABLE items (id int primary key, name varchar(40), qty bigint, "
                    + "price numeric(10, 2), active boolean, made_on date, time_created timestamp)"));
            conn.execute(text("INSERT INTO items (id, name, qty, price, active, made_on, time_created) VALUES "
                    + "(1, 'apple', 7, 12.50, true, DATE '2024-01-15', TIMESTAMP '2024-01-15 10:30:00'), "
                    + "(2, 'pear', NULL, 3.25, false, DATE '2023-12-31', TIMESTAMP '2023-12-31 23:59:59'), "
                    + "(3, 'plum', 5000000000, 12.50, true, DATE '2024-02-29', TIMESTAMP '2024-02-29 00:00:01')"));
        });
    }

    // ------------------------------------------------------------------ all, first, one, oneOrNull

    @Test
    void allReturnsEveryRowInOrder(Engine engine) {
        try (Connection conn = engine.connect()) {
            List<Row> rows = conn.execute(text("SELECT id, name FROM items ORDER BY id")).all();
            assertThat(rows).hasSize(3);
            assertThat(rows).extracting(r -> r.get("name")).containsExactly("apple", "pear", "plum");
            assertThat(conn.execute(text("SELECT id FROM items WHERE id < 0")).all()).isEmpty();
        }
    }

    @Test
    void firstReturnsTheFirstRowOrNull(Engine engine) {
        try (Connection conn = engine.connect()) {
            Row first = conn.execute(text("SELECT id, name FROM items ORDER BY id DESC")).first();
            assertThat(first.get("name")).isEqualTo("plum");
            assertThat(conn.execute(text("SELECT id FROM items WHERE id < 0")).first()).isNull();
        }
    }

    @Test
    void oneReturnsTheOnlyRow(Engine engine) {
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute(text("SELECT name FROM items WHERE id = 2")).one().get(0)).isEqualTo("pear");
        }
    }

    @Test
    void oneWithoutARowIsNoResultFound(Engine engine) {
        try (Connection conn = engine.connect()) {
            assertThatThrownBy(() -> conn.execute(text("SELECT id FROM items WHERE id < 0")).one())
                    .isInstanceOf(NoResultFound.class)
                    .isInstanceOf(dev.athanor.InvalidRequestError.class);
            assertThat(conn.execute(text("SELECT 1")).scalarOne(Integer.class)).isEqualTo(1); // still usable
        }
    }

    @Test
    void oneWithSeveralRowsIsMultipleResultsFound(Engine engine) {
        try (Connection conn = engine.connect()) {
            assertThatThrownBy(() -> conn.execute(text("SELECT id FROM items")).one())
                    .isInstanceOf(MultipleResultsFound.class)
                    .isInstanceOf(dev.athanor.InvalidRequestError.class);
            assertThatThrownBy(() -> conn.execute(text("SELECT id FROM items WHERE id >= 2")).oneOrNull())
                    .isInstanceOf(MultipleResultsFound.class);
            assertThat(conn.execute(text("SELECT 1")).scalarOne(Integer.class)).isEqualTo(1);
        }
        assertThat(engine.poolStatus().checkedOut()).isZero();
    }

    @Test
    void oneOrNullReturnsTheRowOrNull(Engine engine) {
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute(text("SELECT id FROM items WHERE id < 0")).oneOrNull()).isNull();
            assertThat(conn.execute(text("SELECT name FROM items WHERE id = 3")).oneOrNull().get("name")).isEqualTo("plum");
        }
    }

    // ------------------------------------------------------------------ scalar, scalarOne, scalars

    @Test
    void scalarReturnsTheFirstColumnOfTheFirstRow(Engine engine) {
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute(text("SELECT name, id FROM items ORDER BY id")).scalar()).isEqualTo("apple");
            assertThat(conn.execute(text("SELECT name FROM items WHERE id < 0")).scalar()).isNull();
            assertThat(conn.execute(text("SELECT qty FROM items WHERE id = 2")).scalar()).isNull(); // a NULL value
            assertThat(conn.execute(text("SELECT count(*) FROM items")).scalar(Long.class)).isEqualTo(3L);
            assertThat(conn.execute(text("SELECT id FROM items ORDER BY id")).scalar(Long.class)).isEqualTo(1L);
            assertThat(conn.execute(text("SELECT id FROM items WHERE id < 0")).scalar(Integer.class)).isNull();
            assertThat(conn.scalar(text("SELECT name FROM items WHERE id = :id"), Map.of("id", 3))).isEqualTo("plum");
        }
    }

    @Test
    void scalarOneNeedsExactlyOneRow(Engine engine) {
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute(text("SELECT name FROM items WHERE id = 1")).scalarOne()).isEqualTo("apple");
            assertThat(conn.execute(text("SELECT id FROM items WHERE id = 1")).scalarOne(Long.class)).isEqualTo(1L);
            assertThat(conn.execute(text("SELECT price FROM items WHERE id = 2")).scalarOne(BigDecimal.class))
                    .isEqualByComparingTo("3.25");
            assertThatThrownBy(() -> conn.execute(text("SELECT name FROM items WHERE id < 0")).scalarOne())
                    .isInstanceOf(NoResultFound.class);
            assertThatThrownBy(() -> conn.execute(text("SELECT name FROM items")).scalarOne())
                    .isInstanceOf(MultipleResultsFound.class);
            assertThatThrownBy(() -> conn.execute(text("SELECT id FROM items WHERE id < 0")).scalarOne(Integer.class))
                    .isInstanceOf(NoResultFound.class);
            assertThatThrownBy(() -> conn.execute(text("SELECT id FROM items")).scalarOne(Integer.class))
                    .isInstanceOf(MultipleResultsFound.class);
        }
    }

    @Test
    void scalarOneOrNullReturnsNullWithoutARow(Engine engine) {
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute(text("SELECT name FROM items WHERE id < 0")).scalarOneOrNull(String.class)).isNull();
            assertThat(conn.execute(text("SELECT name FROM items WHERE id = 3")).scalarOneOrNull(String.class))
                    .isEqualTo("plum");
            assertThatThrownBy(() -> conn.execute(text("SELECT name FROM items")).scalarOneOrNull(String.class))
                    .isInstanceOf(MultipleResultsFound.class);
        }
    }

    @Test
    void scalarsReturnTheFirstColumnOfEachRowIncludingNulls(Engine engine) {
        try (Connection conn = engine.connect()) {
            List<Object> qty = new ArrayList<>(conn.execute(text("SELECT qty, name FROM items ORDER BY id")).scalars().all());
            assertThat(qty).containsExactly(7L, null, 5_000_000_000L);
            List<Long> typed = conn.execute(text("SELECT qty FROM items ORDER BY id")).scalars(Long.class).all();
            assertThat(typed).containsExactly(7L, null, 5_000_000_000L);
            List<String> names = conn.execute(text("SELECT name FROM items ORDER BY id")).scalars(String.class).all();
            assertThat(names).containsExactly("apple", "pear", "plum");
            assertThat(conn.execute(text("SELECT name FROM items WHERE id < 0")).scalars(String.class).all()).isEmpty();
        }
    }

    @Test
    void scalarsConvertAndNameTheColumnWhenTheyCannot(Engine engine) {
        try (Connection conn = engine.connect()) {
            List<Integer> ids = conn.execute(text("SELECT id FROM items ORDER BY id")).scalars(Integer.class).all();
            assertThat(ids).containsExactly(1, 2, 3);
            ScalarResult<Integer> qty = conn.execute(text("SELECT qty FROM items ORDER BY id")).scalars(Integer.class);
            assertThat(qty.fetchMany(2)).containsExactly(7, null);
            assertThatThrownBy(qty::all).isInstanceOf(ArgumentError.class).hasMessageContaining("qty");
        }
    }

    @Test
    void scalarResultSingleValueAccessors(Engine engine) {
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute(text("SELECT name FROM items ORDER BY id")).scalars(String.class).first())
                    .isEqualTo("apple");
            assertThat(conn.execute(text("SELECT name FROM items WHERE id < 0")).scalars().first()).isNull();
            assertThat(conn.execute(text("SELECT name FROM items WHERE id = 2")).scalars(String.class).one())
                    .isEqualTo("pear");
            assertThatThrownBy(() -> conn.execute(text("SELECT name FROM items WHERE id < 0")).scalars().one())
                    .isInstanceOf(NoResultFound.class);
            assertThatThrownBy(() -> conn.execute(text("SELECT name FROM items")).scalars().one())
                    .isInstanceOf(MultipleResultsFound.class);
            assertThat(conn.execute(text("SELECT name FROM items WHERE id < 0")).scalars().oneOrNull()).isNull();
            assertThatThrownBy(() -> conn.execute(text("SELECT name FROM items")).scalars().oneOrNull())
                    .isInstanceOf(MultipleResultsFound.class);
            assertThat(conn.execute(text("SELECT qty FROM items WHERE id = 2")).scalars().one()).isNull();
        }
        assertThat(engine.poolStatus().checkedOut()).isZero();
    }

    // ------------------------------------------------------------------ mapTo

    @Test
    void mapToRecordMatchesColumnsCaseInsensitivelyAndSnakeCaseToCamelCase(Engine engine) {
        try (Connection conn = engine.connect()) {
            List<Item> items = conn.execute(text("SELECT id, name, qty, price, active, made_on, time_created "
                    + "FROM items ORDER BY id")).mapTo(Item.class).all();
            assertThat(items).hasSize(3);
            Item apple = items.get(0);
            assertThat(apple.id()).isEqualTo(1);
            assertThat(apple.name()).isEqualTo("apple");
            assertThat(apple.qty()).isEqualTo(7L);
            assertThat(apple.price()).isEqualByComparingTo("12.50");
            assertThat(apple.active()).isTrue();
            assertThat(apple.madeOn()).isEqualTo(LocalDate.of(2024, 1, 15));
            assertThat(apple.timeCreated()).isEqualTo(APPLE_CREATED);
            assertThat(items.get(1).qty()).isNull();
            assertThat(items.get(1).active()).isFalse();

            List<Shouting> shouting = conn.execute(text("SELECT id, name FROM items ORDER BY id"))
                    .mapTo(Shouting.class).all();
            assertThat(shouting).containsExactly(new Shouting("apple", 1), new Shouting("pear", 2),
                    new Shouting("plum", 3));
            Priced upper = conn.execute(text("SELECT NAME AS NAME, PRICE AS PRICE FROM items WHERE id = 2"))
                    .mapTo(Priced.class).one();
            assertThat(upper.name()).isEqualTo("pear");
            assertThat(upper.price()).isEqualByComparingTo("3.25");
        }
    }

    @Test
    void mapToRecordIgnoresExtraColumns(Engine engine) {
        try (Connection conn = engine.connect()) {
            Priced priced = conn.execute(text("SELECT id, name, qty, price FROM items WHERE id = 1"))
                    .mapTo(Priced.class).one();
            assertThat(priced.name()).isEqualTo("apple");
            assertThat(priced.price()).isEqualByComparingTo("12.50");
        }
    }

    @Test
    void mapToRecordWithAMissingColumnIsAnArgumentErrorNamingIt(Engine engine) {
        try (Connection conn = engine.connect()) {
            assertThatThrownBy(() -> conn.execute(text("SELECT id, name FROM items")).mapTo(WithNickname.class))
                    .isInstanceOf(ArgumentError.class)
                    .hasMessageContaining("nickname")
                    .hasMessageContaining("WithNickname")
                    .hasMessageContaining("[id, name]");
        }
        assertThat(engine.poolStatus().checkedOut()).isZero();
    }

    @Test
    void mapToANullIntoAPrimitiveComponentIsAnArgumentErrorNamingTheColumn(Engine engine) {
        try (Connection conn = engine.connect()) {
            ScalarResult<PrimitiveQty> mapped = conn.execute(text("SELECT id, qty FROM items ORDER BY id"))
                    .mapTo(PrimitiveQty.class);
            assertThat(mapped.fetchMany(1)).containsExactly(new PrimitiveQty(1, 7));
            assertThatThrownBy(mapped::all)                      // pear's qty is NULL
                    .isInstanceOf(ArgumentError.class)
                    .hasMessageContaining("qty")
                    .hasMessageContaining("NULL");
        }
    }

    @Test
    void mapToPlainClassSetsItsFields(Engine engine) {
        try (Connection conn = engine.connect()) {
            List<ItemBean> beans = conn.execute(text("SELECT id, name, price, time_created FROM items ORDER BY id"))
                    .mapTo(ItemBean.class).all();
            assertThat(beans).hasSize(3);
            ItemBean apple = beans.get(0);
            assertThat(apple.id).isEqualTo(1);
            assertThat(apple.name).isEqualTo("apple");
            assertThat(apple.price).isEqualByComparingTo("12.50");
            assertThat(apple.timeCreated).isEqualTo(APPLE_CREATED);
            assertThat(apple.notAColumn).isEqualTo("untouched");
            assertThat(beans.get(2).name).isEqualTo("plum");
            ItemBean partial = conn.execute(text("SELECT name FROM items WHERE id = 2")).mapTo(ItemBean.class).one();
            assertThat(partial.name).isEqualTo("pear");
            assertThat(partial.id).isNull();
        }
    }

    @Test
    void mapToASimpleTypeReadsTheOnlyColumn(Engine engine) {
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute(text("SELECT id FROM items ORDER BY id")).mapTo(Integer.class).all())
                    .containsExactly(1, 2, 3);
            assertThat(conn.execute(text("SELECT name FROM items ORDER BY id")).mapTo(String.class).first())
                    .isEqualTo("apple");
            assertThatThrownBy(() -> conn.execute(text("SELECT id, name FROM items")).mapTo(Integer.class))
                    .isInstanceOf(ArgumentError.class).hasMessageContaining("one column");
        }
    }

    // ------------------------------------------------------------------ keys, rowcount

    @Test
    void keysAreTheLowerCaseLabelsOfUnquotedLowerCaseNames(Engine engine) {
        try (Connection conn = engine.connect()) {
            Result result = conn.execute(text("SELECT id, name, made_on, time_created FROM items"));
            assertThat(result.keys()).containsExactly("id", "name", "made_on", "time_created");
            assertThat(result.returnsRows()).isTrue();
            Row row = result.first();
            assertThat(row.keys()).containsExactly("id", "name", "made_on", "time_created");
            assertThat(conn.execute(text("SELECT count(*) AS total, max(id) AS top FROM items")).keys())
                    .containsExactly("total", "top");
            assertThat(conn.execute(text("SELECT * FROM items")).keys())
                    .containsExactly("id", "name", "qty", "price", "active", "made_on", "time_created");
        }
    }

    @Test
    void rowcountOfUpdateAndDelete(Engine engine, TestDatabase db) throws Exception {
        try (Connection conn = engine.connect()) {
            Result update = conn.execute(text("UPDATE items SET name = 'fruit' WHERE id >= :id"), Map.of("id", 2));
            assertThat(update.rowcount()).isEqualTo(2);
            assertThat(update.returnsRows()).isFalse();
            assertThat(update.keys()).isEmpty();
            assertThat(conn.execute(text("UPDATE items SET name = 'none' WHERE id < 0")).rowcount()).isZero();
            assertThat(conn.execute(text("DELETE FROM items WHERE id = 1")).rowcount()).isEqualTo(1);
            assertThat(conn.execute(text("INSERT INTO items (id, name) VALUES (10, 'fig')")).rowcount()).isEqualTo(1);
            conn.commit();
        }
        assertThat(db.countRows("items")).isEqualTo(3);
    }

    @Test
    void rowcountOfAQueryIsTheNumberOfRowsReadSoFar(Engine engine) {
        try (Connection conn = engine.connect()) {
            Result result = conn.execute(text("SELECT id FROM items ORDER BY id"));
            assertThat(result.rowcount()).isZero();
            result.fetchOne();
            assertThat(result.rowcount()).isEqualTo(1);
            result.all();
            assertThat(result.rowcount()).isEqualTo(3);
        }
    }

    // ------------------------------------------------------------------ Row

    @Test
    void rowValuesByLabelAreCaseInsensitive(Engine engine) {
        try (Connection conn = engine.connect()) {
            Row row = conn.execute(text("SELECT id, name, time_created FROM items WHERE id = 1")).one();
            assertThat(row.get("name")).isEqualTo("apple");
            assertThat(row.get("NAME")).isEqualTo("apple");
            assertThat(row.get("Name")).isEqualTo("apple");
            assertThat(row.get("TIME_CREATED")).isEqualTo(row.get(2));
            assertThat(row.get("Id", Integer.class)).isEqualTo(1);
            Row aliased = conn.execute(text("SELECT name AS Fruit FROM items WHERE id = 2")).one();
            assertThat(aliased.get("fruit")).isEqualTo("pear");
            assertThat(aliased.get("FRUIT")).isEqualTo("pear");
        }
    }

    @Test
    void rowValuesByPosition(Engine engine) {
        try (Connection conn = engine.connect()) {
            Row row = conn.execute(text("SELECT id, name FROM items WHERE id = 1")).one();
            assertThat(row.size()).isEqualTo(2);
            assertThat(row.get(0, Integer.class)).isEqualTo(1);
            assertThat(row.get(1)).isEqualTo("apple");
            assertThat(row.values()).containsExactly(row.get(0), "apple");
            List<Object> iterated = new ArrayList<>();
            row.forEach(iterated::add);
            assertThat(iterated).containsExactly(row.get(0), "apple");
        }
    }

    @Test
    void aPositionOutOfRangeIsAnArgumentError(Engine engine) {
        try (Connection conn = engine.connect()) {
            Row row = conn.execute(text("SELECT id, name FROM items WHERE id = 1")).one();
            assertThatThrownBy(() -> row.get(2)).isInstanceOf(ArgumentError.class)
                    .hasMessageContaining("2").hasMessageContaining("[id, name]");
            assertThatThrownBy(() -> row.get(-1)).isInstanceOf(ArgumentError.class);
            assertThatThrownBy(() -> row.get(5, String.class)).isInstanceOf(ArgumentError.class);
        }
    }

    @Test
    void anUnknownLabelIsAnArgumentErrorListingTheColumns(Engine engine) {
        try (Connection conn = engine.connect()) {
            Row row = conn.execute(text("SELECT id, name FROM items WHERE id = 1")).one();
            assertThatThrownBy(() -> row.get("nope"))
                    .isInstanceOf(ArgumentError.class)
                    .hasMessageContaining("'nope'")
                    .hasMessageContaining("[id, name]");
            assertThatThrownBy(() -> row.get("nope", String.class)).isInstanceOf(ArgumentError.class)
                    .hasMessageContaining("nope");
        }
    }

    @Test
    void aDuplicateLabelIsAmbiguousByNameButFineByPosition(Engine engine) {
        try (Connection conn = engine.connect()) {
            Row row = conn.execute(text("SELECT a.id, b.id FROM items a JOIN items b ON b.id = a.id + 1 "
                    + "WHERE a.id = 1")).one();
            assertThat(row.keys()).containsExactly("id", "id");
            assertThatThrownBy(() -> row.get("id"))
                    .isInstanceOf(ArgumentError.class)
                    .hasMessageContaining("ambiguous")
                    .hasMessageContaining("'id'");
            assertThatThrownBy(() -> row.get("ID")).isInstanceOf(ArgumentError.class).hasMessageContaining("ambiguous");
            assertThat(row.get(0, Integer.class)).isEqualTo(1);
            assertThat(row.get(1, Integer.class)).isEqualTo(2);
        }
    }

    @Test
    void typedGetsConvertLosslessly(Engine engine) {
        try (Connection conn = engine.connect()) {
            Row row = conn.execute(text("SELECT id, qty, price, active, made_on, time_created FROM items WHERE id = 1")).one();
            assertThat(row.get("qty")).isInstanceOf(Long.class);
            assertThat(row.get("qty", Integer.class)).isEqualTo(7);
            assertThat(row.get("qty", Long.class)).isEqualTo(7L);
            assertThat(row.get("qty", Short.class)).isEqualTo((short) 7);
            assertThat(row.get("qty", BigDecimal.class)).isEqualByComparingTo("7");
            assertThat(row.get("qty", String.class)).isEqualTo("7");
            assertThat(row.get("id", Long.class)).isEqualTo(1L);
            assertThat(row.get("id", int.class)).isEqualTo(1);

            assertThat(row.get("price")).isInstanceOf(BigDecimal.class);
            assertThat(row.get("price", BigDecimal.class)).isEqualTo(new BigDecimal("12.50"));
            assertThat(row.get("price", Double.class)).isEqualTo(12.5);

            assertThat(row.get("active")).isEqualTo(true);
            assertThat(row.get("active", Boolean.class)).isTrue();

            assertThat(row.get("made_on")).isEqualTo(LocalDate.of(2024, 1, 15));
            assertThat(row.get("made_on", LocalDate.class)).isEqualTo(LocalDate.of(2024, 1, 15));
            assertThat(row.get("made_on", LocalDateTime.class)).isEqualTo(LocalDate.of(2024, 1, 15).atStartOfDay());

            assertThat(row.get("time_created")).isEqualTo(APPLE_CREATED);
            assertThat(row.get("time_created", LocalDateTime.class)).isEqualTo(APPLE_CREATED);
            assertThat(row.get("time_created", LocalDate.class)).isEqualTo(LocalDate.of(2024, 1, 15));

            Row pear = conn.execute(text("SELECT qty, active FROM items WHERE id = 2")).one();
            assertThat(pear.get("qty", Integer.class)).isNull();
            assertThat(pear.get("active", Boolean.class)).isFalse();
        }
    }

    @Test
    void aValueOutOfRangeIsAnArgumentErrorNamingTheColumn(Engine engine) {
        try (Connection conn = engine.connect()) {
            Row plum = conn.execute(text("SELECT id, qty, price, name FROM items WHERE id = 3")).one();
            assertThat(plum.get("qty", Long.class)).isEqualTo(5_000_000_000L);
            assertThatThrownBy(() -> plum.get("qty", Integer.class))
                    .isInstanceOf(ArgumentError.class)
                    .hasMessageContaining("qty")
                    .hasMessageContaining("5000000000");
            assertThatThrownBy(() -> plum.get(1, Integer.class)).isInstanceOf(ArgumentError.class)
                    .hasMessageContaining("qty");
            assertThatThrownBy(() -> plum.get("price", Long.class)).isInstanceOf(ArgumentError.class)
                    .hasMessageContaining("price"); // 12.50 is not a whole number
            assertThatThrownBy(() -> plum.get("name", Integer.class)).isInstanceOf(ArgumentError.class)
                    .hasMessageContaining("name");
            assertThatThrownBy(() -> plum.get("name", LocalDate.class)).isInstanceOf(ArgumentError.class)
                    .hasMessageContaining("name");
        }
    }

    @Test
    void numbersConvertToBooleanByBeingZeroOrNot(Engine engine) {
        try (Connection conn = engine.connect()) {
            Row row = conn.execute(text("SELECT qty, price FROM items WHERE id = 3")).one();
            assertThat(row.get("qty", Boolean.class)).isTrue();           // 5000000000
            assertThat(row.get("price", Boolean.class)).isTrue();         // 12.50
            conn.execute(text("CREATE TABLE nums (big bigint, half numeric(3, 1), zero bigint)"));
            conn.execute(text("INSERT INTO nums (big, half, zero) VALUES (4294967296, 0.5, 0)"));
            Row small = conn.execute(text("SELECT big, half, zero FROM nums")).one();
            assertThat(small.get("big", Boolean.class)).isTrue();          // 2^32: its low 32 bits are all zero
            assertThat(small.get("half", Boolean.class)).isTrue();
            assertThat(small.get("zero", Boolean.class)).isFalse();
        }
    }

    @Test
    void toMapIsLabelToValueInColumnOrder(Engine engine) {
        try (Connection conn = engine.connect()) {
            Row row = conn.execute(text("SELECT id, name, qty FROM items WHERE id = 2")).one();
            Map<String, Object> map = row.toMap();
            assertThat(map.keySet()).containsExactly("id", "name", "qty");
            assertThat(map).contains(entry("name", "pear"), entry("qty", null));
            assertThat(((Number) map.get("id")).intValue()).isEqualTo(2);
            assertThatThrownBy(() -> map.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Test
    void rowsPrintAsTuples(Engine engine) {
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute(text("SELECT id, name FROM items WHERE id = 1")).one()).hasToString("(1, 'apple')");
            assertThat(conn.execute(text("SELECT id, qty FROM items WHERE id = 2")).one()).hasToString("(2, null)");
            assertThat(conn.execute(text("SELECT name FROM items WHERE id = 3")).one()).hasToString("('plum',)");
        }
    }

    @Test
    void rowsStayValidAfterTheResultIsClosed(Engine engine) {
        Row row;
        try (Connection conn = engine.connect()) {
            Result result = conn.execute(text("SELECT id, name FROM items ORDER BY id"));
            row = result.fetchOne();
            result.close();
        }
        assertThat(row.get("name")).isEqualTo("apple");
        assertThat(row.get(0, Integer.class)).isEqualTo(1);
    }

    // ------------------------------------------------------------------ unique

    @Test
    void uniqueDropsRepeatedRows(Engine engine) {
        try (Connection conn = engine.connect()) {
            List<Row> rows = conn.execute(text("SELECT price, active FROM items ORDER BY id")).unique().all();
            assertThat(rows).hasSize(2);
            assertThat(rows.get(0).get("price", BigDecimal.class)).isEqualByComparingTo("12.50");
            assertThat(rows.get(1).get("price", BigDecimal.class)).isEqualByComparingTo("3.25");
            assertThat(conn.execute(text("SELECT price, active FROM items")).all()).hasSize(3);
            assertThat(conn.execute(text("SELECT price, id FROM items")).unique().all()).hasSize(3);
        }
    }

    @Test
    void uniqueDropsRepeatedScalars(Engine engine) {
        try (Connection conn = engine.connect()) {
            List<Boolean> active = conn.execute(text("SELECT active FROM items ORDER BY id"))
                    .scalars(Boolean.class).unique().all();
            assertThat(active).containsExactly(true, false);
            List<Object> qtyWithNull = new ArrayList<>(conn.execute(
                    text("SELECT qty FROM items UNION ALL SELECT qty FROM items")).scalars().unique().all());
            assertThat(qtyWithNull).containsExactlyInAnyOrder(7L, null, 5_000_000_000L);
        }
    }

    // ------------------------------------------------------------------ fetchOne, fetchMany, iteration, stream

    @Test
    void fetchOneAndFetchManyReadOnwards(Engine engine) {
        try (Connection conn = engine.connect()) {
            Result result = conn.execute(text("SELECT id FROM items ORDER BY id"));
            assertThat(result.fetchOne().get(0, Integer.class)).isEqualTo(1);
            List<Row> next = result.fetchMany(1);
            assertThat(next).extracting(r -> r.get(0, Integer.class)).containsExactly(2);
            assertThat(result.fetchMany(10)).extracting(r -> r.get(0, Integer.class)).containsExactly(3);
            assertThat(result.fetchMany(10)).isEmpty();  // used up: soft-closed, not an error
            assertThat(result.fetchOne()).isNull();
            assertThat(result.all()).isEmpty();
        }
        assertThat(engine.poolStatus().checkedOut()).isZero();
    }

    @Test
    void fetchManyOfZeroReadsNothingAndANegativeSizeIsAnArgumentError(Engine engine) {
        try (Connection conn = engine.connect()) {
            Result result = conn.execute(text("SELECT id FROM items ORDER BY id"));
            assertThat(result.fetchMany(0)).isEmpty();
            assertThatThrownBy(() -> result.fetchMany(-1)).isInstanceOf(ArgumentError.class).hasMessageContaining("-1");
            assertThat(result.fetchOne().get(0, Integer.class)).isEqualTo(1);   // nothing was consumed
            ScalarResult<Integer> ids = conn.execute(text("SELECT id FROM items ORDER BY id")).scalars(Integer.class);
            assertThat(ids.fetchMany(0)).isEmpty();
            assertThatThrownBy(() -> ids.fetchMany(-3)).isInstanceOf(ArgumentError.class).hasMessageContaining("-3");
            assertThat(ids.all()).containsExactly(1, 2, 3);
        }
    }

    @Test
    void aResultIsIterable(Engine engine) {
        try (Connection conn = engine.connect()) {
            List<String> names = new ArrayList<>();
            for (Row row : conn.execute(text("SELECT name FROM items ORDER BY id"))) {
                names.add(row.get("name", String.class));
            }
            assertThat(names).containsExactly("apple", "pear", "plum");
            Iterator<Row> it = conn.execute(text("SELECT name FROM items WHERE id < 0")).iterator();
            assertThat(it.hasNext()).isFalse();
            assertThatThrownBy(it::next).isInstanceOf(java.util.NoSuchElementException.class);
        }
    }

    @Test
    void streamReadsTheRowsAndClosingItClosesTheResult(Engine engine) {
        try (Connection conn = engine.connect()) {
            try (Stream<Row> rows = conn.execute(text("SELECT id FROM items ORDER BY id")).stream()) {
                assertThat(rows.map(r -> r.get(0, Integer.class)).toList()).containsExactly(1, 2, 3);
            }
            Result result = conn.execute(text("SELECT id FROM items ORDER BY id"));
            try (Stream<Row> rows = result.stream()) {
                assertThat(rows.findFirst()).isPresent();
            }
            assertThatThrownBy(result::fetchOne).isInstanceOf(ResourceClosedError.class);

            ScalarResult<String> names = conn.execute(text("SELECT name FROM items ORDER BY id")).scalars(String.class);
            try (Stream<String> stream = names.stream()) {
                assertThat(stream.limit(1).toList()).containsExactly("apple");
            }
            assertThatThrownBy(names::all).isInstanceOf(ResourceClosedError.class);
        }
        assertThat(engine.poolStatus().checkedOut()).isZero();
    }

    // ------------------------------------------------------------------ closing

    @Test
    void readingAfterCloseIsAResourceClosedError(Engine engine) {
        try (Connection conn = engine.connect()) {
            Result result = conn.execute(text("SELECT id FROM items ORDER BY id"));
            result.fetchOne();
            result.close();
            result.close(); // idempotent
            assertThatThrownBy(result::all).isInstanceOf(ResourceClosedError.class);
            assertThatThrownBy(result::fetchOne).isInstanceOf(ResourceClosedError.class);
            assertThatThrownBy(() -> result.fetchMany(2)).isInstanceOf(ResourceClosedError.class);
            assertThatThrownBy(result::first).isInstanceOf(ResourceClosedError.class);
            assertThatThrownBy(result::scalar).isInstanceOf(ResourceClosedError.class);
            assertThatThrownBy(result::iterator).isInstanceOf(ResourceClosedError.class);
            assertThatThrownBy(result::scalars).isInstanceOf(ResourceClosedError.class);

            Result exhausted = conn.execute(text("SELECT id FROM items"));
            exhausted.all();
            exhausted.close();
            assertThatThrownBy(exhausted::fetchOne).isInstanceOf(ResourceClosedError.class);

            Result unread = conn.execute(text("SELECT id FROM items"));
            unread.close();
            assertThatThrownBy(unread::first).isInstanceOf(ResourceClosedError.class);
            assertThat(conn.execute(text("SELECT count(*) FROM items")).scalarOne(Long.class)).isEqualTo(3L);
        }
    }

    @Test
    void closingTheConnectionClosesTheResultsStillOpen(Engine engine) {
        Connection conn = engine.connect();
        Result partial = conn.execute(text("SELECT id FROM items ORDER BY id"));
        assertThat(partial.fetchOne().get(0, Integer.class)).isEqualTo(1);
        Result unread = conn.execute(text("SELECT name FROM items ORDER BY id"));
        conn.close();
        assertThatThrownBy(partial::fetchOne).isInstanceOf(ResourceClosedError.class);
        assertThatThrownBy(unread::all).isInstanceOf(ResourceClosedError.class);
        assertThat(engine.poolStatus().checkedOut()).isZero();

        try (Connection again = engine.connect()) {   // a connection whose results were all read closes as well
            assertThat(again.execute(text("SELECT count(*) FROM items")).scalarOne(Long.class)).isEqualTo(3L);
        }
        assertThat(engine.poolStatus().checkedOut()).isZero();
    }

    @Test
    void aStatementWithoutRowsHasAClosedResult(Engine engine) {
        try (Connection conn = engine.connect()) {
            Result insert = conn.execute(text("INSERT INTO items (id, name) VALUES (:id, :name)"),
                    Map.of("id", 4, "name", "kiwi"));
            assertThat(insert.returnsRows()).isFalse();
            assertThat(insert.rowcount()).isEqualTo(1);
            assertThatThrownBy(insert::all).isInstanceOf(ResourceClosedError.class).hasMessageContaining("rowcount");
            assertThatThrownBy(insert::first).isInstanceOf(ResourceClosedError.class);
            assertThatThrownBy(insert::fetchOne).isInstanceOf(ResourceClosedError.class);
            assertThatThrownBy(insert::scalar).isInstanceOf(ResourceClosedError.class);
            insert.close(); // harmless
            assertThat(insert.rowcount()).isEqualTo(1);
        }
    }

    @Test
    void rowsAreReadLazilyAndAPartlyReadResultCanBeClosed(Engine engine) {
        engine.begin(conn -> {
            conn.execute(text("CREATE TABLE many (id int primary key, filler varchar(100))"));
            List<Map<String, Object>> rows = IntStream.rangeClosed(1, 2000)
                    .mapToObj(i -> Map.<String, Object>of("id", i, "filler", "row number " + i)).toList();
            conn.execute(text("INSERT INTO many (id, filler) VALUES (:id, :filler)"), rows);
        });
        try (Connection conn = engine.connect()) {
            Result result = conn.execute(text("SELECT id, filler FROM many ORDER BY id"));
            assertThat(result.fetchOne().get("id", Integer.class)).isEqualTo(1);
            assertThat(result.rowcount()).isEqualTo(1);   // one row read of 2000
            result.close();
            assertThat(conn.execute(text("SELECT count(*) FROM many")).scalarOne(Long.class)).isEqualTo(2000L);
            assertThat(conn.execute(text("SELECT filler FROM many WHERE id = :id"), Map.of("id", 1999))
                    .scalarOne(String.class)).isEqualTo("row number 1999");
        }
        assertThat(engine.poolStatus().checkedOut()).isZero();
    }

    @Test
    void resultsLeftOpenAreClosedWithTheirConnection(Engine engine) {
        List<Result> leftOpen = new ArrayList<>();
        for (int i = 0; i < 5; i++) { // more rounds than the pool has connections: a leak would show
            try (Connection conn = engine.connect()) {
                Result partly = conn.execute(text("SELECT id FROM items ORDER BY id"));
                partly.fetchOne();
                leftOpen.add(partly);
                leftOpen.add(conn.execute(text("SELECT name FROM items")));    // never read
            }
            assertThat(engine.poolStatus().checkedOut()).isZero();
        }
        for (Result result : leftOpen) {
            assertThatThrownBy(result::fetchOne).isInstanceOf(ResourceClosedError.class);
        }
    }

    /** As SQLAlchemy's buffered results: ending the transaction does not take away rows already fetched. */
    @Test
    void resultsStayReadableAcrossCommitAndRollback(Engine engine) {
        try (Connection conn = engine.connect()) {
            Result beforeCommit = conn.execute(text("SELECT id FROM items ORDER BY id"));
            assertThat(beforeCommit.fetchOne().get(0, Integer.class)).isEqualTo(1);
            conn.commit();
            assertThat(beforeCommit.fetchOne().get(0, Integer.class)).isEqualTo(2);
            Result beforeRollback = conn.execute(text("SELECT id FROM items ORDER BY id"));
            beforeRollback.fetchOne();
            conn.rollback();
            assertThat(beforeRollback.fetchOne().get(0, Integer.class)).isEqualTo(2);
        }
    }

    @Test
    void resultsOfDifferentStatementsCanBeReadInterleaved(Engine engine) {
        try (Connection conn = engine.connect()) {
            Result a = conn.execute(text("SELECT id FROM items ORDER BY id"));
            Result b = conn.execute(text("SELECT name FROM items ORDER BY id"));
            List<String> pairs = new ArrayList<>();
            for (Row row = a.fetchOne(); row != null; row = a.fetchOne()) {
                pairs.add(row.get(0, Integer.class) + "=" + b.fetchOne().get(0));
            }
            assertThat(pairs).containsExactly("1=apple", "2=pear", "3=plum");
        }
    }
}
