package dev.athanor.core;

import dev.athanor.ArgumentError;
import dev.athanor.Connection;
import dev.athanor.Engine;
import dev.athanor.MultipleResultsFound;
import dev.athanor.NoResultFound;
import dev.athanor.ResourceClosedError;
import dev.athanor.Result;
import dev.athanor.Row;
import dev.athanor.testing.DatabaseTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static dev.athanor.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Result and Row API on real cursors. */
@DatabaseTest
class ResultApiTest {

    record Person(int id, String fullName, BigDecimal score, LocalDate bornOn) {
    }

    static final class PersonBean {
        int id;
        String fullName;
        private BigDecimal score;

        BigDecimal score() {
            return score;
        }
    }

    @BeforeEach
    void data(Engine engine) {
        engine.begin(conn -> {
            conn.execute(text("CREATE TABLE people (id int primary key, full_name varchar(40), score numeric(6, 2), "
                    + "born_on date, nick varchar(10))"));
            conn.execute(text("INSERT INTO people VALUES (1, 'Ada Lovelace', 9.50, '1815-12-10', NULL), "
                    + "(2, 'Alan Turing', 8.25, '1912-06-23', 'alan'), (3, 'Grace Hopper', 9.50, '1906-12-09', NULL)"));
        });
    }

    @Test
    void singleRowAccessors(Engine engine) {
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute(text("SELECT id FROM people WHERE id < 0")).first()).isNull();
            assertThat(conn.execute(text("SELECT id FROM people ORDER BY id")).first().get(0, Integer.class)).isEqualTo(1);
            assertThatThrownBy(() -> conn.execute(text("SELECT id FROM people WHERE id < 0")).one())
                    .isInstanceOf(NoResultFound.class);
            assertThatThrownBy(() -> conn.execute(text("SELECT id FROM people")).oneOrNull())
                    .isInstanceOf(MultipleResultsFound.class);
            assertThat(conn.execute(text("SELECT id FROM people WHERE id < 0")).oneOrNull()).isNull();
            assertThat(conn.execute(text("SELECT full_name FROM people WHERE id = 2")).scalarOne(String.class))
                    .isEqualTo("Alan Turing");
            assertThat(conn.execute(text("SELECT nick FROM people WHERE id = 1")).scalar()).isNull();
            assertThat(conn.execute(text("SELECT nick FROM people WHERE id < 0")).scalarOneOrNull(String.class)).isNull();
            assertThat(conn.execute(text("SELECT count(*) FROM people")).scalar(Long.class)).isEqualTo(3L);
        }
    }

    @Test
    void rowsByLabelPositionAndType(Engine engine) {
        try (Connection conn = engine.connect()) {
            Row row = conn.execute(text("SELECT id, full_name, score FROM people WHERE id = 1")).one();
            assertThat(row.keys()).containsExactly("id", "full_name", "score");
            assertThat(row.get("FULL_NAME")).isEqualTo("Ada Lovelace");
            assertThat(row.get(0, Long.class)).isEqualTo(1L);
            assertThat(row.get("score", Double.class)).isEqualTo(9.5);
            assertThat(row.toMap()).containsEntry("full_name", "Ada Lovelace");
            assertThat(row.toString()).startsWith("(1, 'Ada Lovelace', ");
            assertThatThrownBy(() -> row.get("nope")).isInstanceOf(ArgumentError.class).hasMessageContaining("full_name");
            assertThatThrownBy(() -> row.get(7)).isInstanceOf(ArgumentError.class).hasMessageContaining("0-based");
            assertThatThrownBy(() -> row.get("full_name", Integer.class)).isInstanceOf(ArgumentError.class)
                    .hasMessageContaining("full_name");
            Row wide = conn.execute(text("SELECT 5000000000 AS big")).one();
            assertThatThrownBy(() -> wide.get("big", Integer.class)).isInstanceOf(ArgumentError.class)
                    .hasMessageContaining("big");
            Row twice = conn.execute(text("SELECT a.id, b.id FROM people a JOIN people b ON a.id = b.id WHERE a.id = 2")).one();
            assertThatThrownBy(() -> twice.get("id")).isInstanceOf(ArgumentError.class).hasMessageContaining("ambiguous");
            assertThat(twice.get(1, Integer.class)).isEqualTo(2);
        }
    }

    @Test
    void scalarsMappingAndUnique(Engine engine) {
        try (Connection conn = engine.connect()) {
            List<Object> nicks = new java.util.ArrayList<>(conn.execute(text("SELECT nick FROM people ORDER BY id")).scalars().all());
            assertThat(nicks).containsExactly(null, "alan", null);
            assertThat(conn.execute(text("SELECT score FROM people ORDER BY id")).scalars(BigDecimal.class).unique().all())
                    .extracting(BigDecimal::stripTrailingZeros).containsExactly(new BigDecimal("9.5"), new BigDecimal("8.25"));
            assertThat(conn.execute(text("SELECT score FROM people")).unique().all()).hasSize(2);
            List<Person> people = conn.execute(text("SELECT id, full_name, score, born_on FROM people ORDER BY id"))
                    .mapTo(Person.class).all();
            assertThat(people.get(1).fullName()).isEqualTo("Alan Turing");
            assertThat(people.get(1).bornOn()).isEqualTo(LocalDate.of(1912, 6, 23));
            PersonBean bean = conn.execute(text("SELECT id, full_name, score FROM people WHERE id = 3"))
                    .mapTo(PersonBean.class).one();
            assertThat(bean.fullName).isEqualTo("Grace Hopper");
            assertThat(bean.score()).isEqualByComparingTo("9.50");
            assertThat(conn.execute(text("SELECT id FROM people ORDER BY id")).mapTo(Integer.class).all()).containsExactly(1, 2, 3);
            assertThatThrownBy(() -> conn.execute(text("SELECT id FROM people")).mapTo(Person.class))
                    .isInstanceOf(ArgumentError.class).hasMessageContaining("fullName");
        }
    }

    @Test
    void streamingAndClosing(Engine engine) {
        try (Connection conn = engine.connect()) {
            Result result = conn.execute(text("SELECT id FROM people ORDER BY id"));
            assertThat(result.fetchOne().get(0, Integer.class)).isEqualTo(1);
            assertThat(result.fetchMany(5)).hasSize(2);
            assertThat(result.fetchMany(5)).isEmpty();       // used up: soft-closed, not an error
            assertThat(result.rowcount()).isEqualTo(3);
            Result partial = conn.execute(text("SELECT id FROM people"));
            partial.fetchOne();
            partial.close();
            assertThatThrownBy(partial::all).isInstanceOf(ResourceClosedError.class);
            try (Stream<Row> rows = conn.execute(text("SELECT id FROM people")).stream()) {
                assertThat(rows.count()).isEqualTo(3);
            }
            Result insert = conn.execute(text("UPDATE people SET nick = 'x' WHERE id > 1"));
            assertThat(insert.rowcount()).isEqualTo(2);
            assertThat(insert.returnsRows()).isFalse();
            assertThatThrownBy(insert::all).isInstanceOf(ResourceClosedError.class).hasMessageContaining("rowcount");
            conn.execute(text("SELECT id FROM people")); // left open: closed with the connection
        }
        assertThat(engine.poolStatus().checkedOut()).isZero();
    }
}
