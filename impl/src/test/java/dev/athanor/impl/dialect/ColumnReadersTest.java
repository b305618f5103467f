package dev.athanor.impl.dialect;

import dev.athanor.Connection;
import dev.athanor.Engine;
import dev.athanor.Row;
import dev.athanor.testing.DatabaseTest;
import dev.athanor.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static dev.athanor.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The column readers give what the driver's {@code getObject} gives, value for value and type for type (nulls, zero
 * and false included, where a typed getter alone could not tell them from NULL), on each database; on PostgreSQL the
 * INTEGER, BIGINT, VARCHAR and bool columns are read through the typed getters.
 */
@DatabaseTest
class ColumnReadersTest {

    private static final String SELECT = "SELECT i, b, v, f, n FROM readers ORDER BY k";

    @Test
    void readersGiveWhatGetObjectGives(Engine engine, TestDatabase db) throws Exception {
        try (Connection conn = engine.connect()) {
            conn.execute(text("CREATE TABLE readers (k integer PRIMARY KEY, i integer, b bigint, v varchar(20), "
                    + "f boolean, n numeric(10, 2))"));
            conn.execute(text("INSERT INTO readers VALUES (1, 42, 9000000000, 'text', true, 1.50)"));
            conn.execute(text("INSERT INTO readers VALUES (2, 0, 0, '', false, 0)"));
            conn.execute(text("INSERT INTO readers VALUES (3, NULL, NULL, NULL, NULL, NULL)"));
            conn.execute(text("INSERT INTO readers VALUES (4, -7, -1, 'x', true, -2.25)"));
            conn.commit();
        }
        List<List<Object>> expected = new ArrayList<>();
        try (java.sql.Connection jdbc = engine.unwrap(DataSource.class).getConnection();
                Statement statement = jdbc.createStatement(); ResultSet rs = statement.executeQuery(SELECT)) {
            while (rs.next()) {
                expected.add(Arrays.asList(rs.getObject(1), rs.getObject(2), rs.getObject(3), rs.getObject(4),
                        rs.getObject(5)));
            }
            jdbc.rollback();
        }
        List<List<Object>> read = new ArrayList<>();
        try (Connection conn = engine.connect()) {
            for (Row row : conn.execute(text(SELECT))) {
                read.add(Arrays.asList(row.get(0), row.get(1), row.get(2), row.get(3), row.get(4)));
            }
        }
        assertThat(read).hasSize(4).isEqualTo(expected);
        for (int r = 0; r < read.size(); r++) {
            for (int c = 0; c < 5; c++) {
                Object value = read.get(r).get(c);
                Object driver = expected.get(r).get(c);
                assertThat(value == null ? null : value.getClass()).as("row %d column %d", r, c)
                        .isEqualTo(driver == null ? null : driver.getClass());
            }
        }
        assertThat(read.get(2)).containsOnlyNulls();
        assertThat(read.get(1).subList(0, 4)).containsExactly(0, 0L, "", false);

        Dialect dialect = Dialects.forName(db.jdbcUrl().split(":")[1]);
        boolean typed = dialect instanceof PostgreSQLDialect;
        assertThat(dialect.columnReader(Types.INTEGER, "int4") == TypedReader.INT).isEqualTo(typed);
        assertThat(dialect.columnReader(Types.BIGINT, "int8") == TypedReader.LONG).isEqualTo(typed);
        assertThat(dialect.columnReader(Types.VARCHAR, "varchar") == TypedReader.STRING).isEqualTo(typed);
        assertThat(dialect.columnReader(Types.BIT, "bool") == TypedReader.BOOLEAN).isEqualTo(typed);
        assertThat(dialect.columnReader(Types.BIT, "bit")).isSameAs(ColumnReader.OBJECT);
    }
}
