package dev.athanor.reliability;

import dev.athanor.Engine;
import dev.athanor.Row;
import dev.athanor.orm.Registry;
import dev.athanor.orm.Session;
import dev.athanor.orm.SessionMaker;
import dev.athanor.schema.MetaData;
import dev.athanor.schema.Table;
import dev.athanor.testing.DatabaseTest;
import dev.athanor.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.athanor.Sql.delete;
import static dev.athanor.Sql.insert;
import static dev.athanor.Sql.select;
import static dev.athanor.Sql.update;
import static dev.athanor.schema.Schema.column;
import static dev.athanor.schema.SqlTypes.INTEGER;
import static dev.athanor.schema.SqlTypes.varchar;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Defect 1 of issue 15: a table created by unquoted DDL ({@code CREATE TABLE groups}, which H2 stores as
 * {@code GROUPS}) is reachable under its lower-case name through the expression language, the ORM and reflection,
 * although {@code groups} is a reserved word that Athanor quotes on H2.
 */
@DatabaseTest
class FoldedNamesTest {

    private static void handWrittenDdl(TestDatabase db) throws Exception {
        try (Connection jdbc = db.adminConnection(); Statement st = jdbc.createStatement()) {
            st.execute("CREATE TABLE groups (id INTEGER PRIMARY KEY, name VARCHAR(50))");
            st.execute("INSERT INTO groups (id, name) VALUES (1, 'admins')");
        }
    }

    private static List<String> namesByPlainSql(TestDatabase db) throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection jdbc = db.adminConnection(); Statement st = jdbc.createStatement();
                ResultSet rs = st.executeQuery("SELECT name FROM groups ORDER BY id")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    @Test
    void expressionLanguageFindsTheUnquotedTable(Engine engine, TestDatabase db) throws Exception {
        handWrittenDdl(db);
        Table groups = new MetaData().table("groups", column("id", INTEGER).primaryKey(), column("name", varchar(50)));
        engine.begin(conn -> {
            conn.execute(insert(groups).values(Map.of("id", 2, "name", "users")));
            conn.execute(update(groups).values(Map.of("name", "owners")).where(groups.c("id").eq(1)));
        });
        List<Row> rows = engine.inTransaction(conn -> conn.execute(
                select(groups.c("id"), groups.c("name").label("order")).orderBy(groups.c("id"))).all());
        assertThat(rows).extracting(r -> r.get("order")).containsExactly("owners", "users");
        assertThat(rows.get(0).keys()).as("a reserved label reads back as written").containsExactly("id", "order");
        assertThat(namesByPlainSql(db)).containsExactly("owners", "users");
        engine.begin(conn -> conn.execute(delete(groups).where(groups.c("id").eq(2))));
        assertThat(db.countRows("groups")).isEqualTo(1);
    }

    @Test
    void ormFindsTheUnquotedTable(Engine engine, TestDatabase db) throws Exception {
        handWrittenDdl(db);
        SessionMaker sessions = SessionMaker.of(engine, Registry.of(Crew.class));
        try (Session session = sessions.open()) {
            Crew admins = session.get(Crew.class, 1);
            assertThat(admins.name).isEqualTo("admins");
            admins.name = "root";
            Crew crew = new Crew();
            crew.id = 3;
            crew.name = "crew";
            session.add(crew);
            session.commit();
        }
        assertThat(namesByPlainSql(db)).containsExactly("root", "crew");
    }

    @Test
    void reflectionReadsTheUnquotedTableUnderItsLowerCaseName(Engine engine, TestDatabase db) throws Exception {
        handWrittenDdl(db);
        MetaData reflected = new MetaData();
        reflected.reflect(engine);
        Table groups = reflected.get("groups");
        assertThat(groups.columns()).extracting(dev.athanor.schema.Column::name).containsExactly("id", "name");
        String name = engine.inTransaction(conn -> conn.execute(select(groups.c("name"))
                .where(groups.c("id").eq(1))).scalarOne(String.class));
        assertThat(name).isEqualTo("admins");
    }
}
