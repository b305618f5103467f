package dev.athanor;

import dev.athanor.schema.MetaData;
import dev.athanor.schema.Table;
import dev.athanor.spi.CoreServices;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static dev.athanor.Sql.select;
import static dev.athanor.Sql.text;
import static dev.athanor.schema.Schema.column;
import static dev.athanor.schema.SqlTypes.INTEGER;
import static dev.athanor.schema.SqlTypes.varchar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the API does on its own, with no implementation on the class path (this module's tests have none). */
class ApiWithoutImplementationTest {

    @Test
    void engineCreationNamesTheMissingArtifact() {
        assertThatThrownBy(() -> Engine.create("h2:mem:x"))
                .isInstanceOf(AthanorException.class)
                .hasMessageContaining("athanor-impl")
                .satisfies(e -> assertThat(((AthanorException) e).code()).isEqualTo("no-provider"));
    }

    @Test
    void builderChecksItsArguments() {
        assertThatThrownBy(() -> Engine.builder(" ")).isInstanceOf(ArgumentError.class).hasMessageContaining("URL");
        assertThatThrownBy(() -> Engine.builder("h2:mem:x").poolSize(-1)).isInstanceOf(ArgumentError.class)
                .hasMessageContaining("poolSize");
        assertThatThrownBy(() -> Engine.builder("h2:mem:x").poolTimeout(Duration.ZERO))
                .isInstanceOf(ArgumentError.class).hasMessageContaining("poolTimeout");
        assertThat(IsolationLevel.parse("read committed")).isEqualTo(IsolationLevel.READ_COMMITTED);
        assertThat(IsolationLevel.parse("AUTOCOMMIT")).isEqualTo(IsolationLevel.AUTOCOMMIT);
        assertThatThrownBy(() -> IsolationLevel.parse("sometimes")).isInstanceOf(ArgumentError.class)
                .hasMessageContaining("sometimes");
        EngineOptions options = Engine.builder("postgresql://u:secret@h/db").password("other").options();
        assertThat(options.toString()).doesNotContain("secret").doesNotContain("other");
    }

    @Test
    void textChecksBindNamesAtOnce() {
        TextClause t = text("SELECT * FROM t WHERE x = :x");
        assertThatThrownBy(() -> t.bindParams(Map.of("y", 1))).isInstanceOf(ArgumentError.class)
                .hasMessageContaining("'y'").hasMessageContaining("[x]");
        assertThat(t.bindParams(Map.of("x", 1)).boundValues()).containsEntry("x", 1);
        assertThat(t.boundValues()).isEmpty(); // immutable
    }

    @Test
    void statementsAreImmutableValuesAndDescribeThemselvesWithoutAnImplementation() {
        MetaData metadata = new MetaData();
        Table users = metadata.table("users", column("id", INTEGER).primaryKey(), column("name", varchar(20)));
        Select<Row> base = select(users.c("name"));
        Select<Row> filtered = base.where(users.c("id").eq(1));
        assertThat(base.whereClauses()).isEmpty();
        assertThat(filtered.whereClauses()).hasSize(1);
        assertThat(filtered.toString()).contains("cannot compile").contains("athanor-impl");
    }

    @Test
    void tablesSortByForeignKeysWithCyclesKeptInOrder() {
        MetaData metadata = new MetaData();
        metadata.table("c", column("id", INTEGER).primaryKey(), column("b_id", INTEGER).references("b.id"));
        metadata.table("b", column("id", INTEGER).primaryKey(), column("a_id", INTEGER).references("a.id"));
        metadata.table("a", column("id", INTEGER).primaryKey(), column("parent", INTEGER).references("a.id"));
        metadata.table("x", column("id", INTEGER).primaryKey(), column("y_id", INTEGER).references("y.id"));
        metadata.table("y", column("id", INTEGER).primaryKey(), column("x_id", INTEGER).references("x.id"));
        assertThat(CoreServices.sortByDependency(metadata.tables())).extracting(Table::name)
                .containsExactly("a", "b", "c", "y", "x");
    }

    @Test
    void schemaMistakesAreReportedWhenDeclared() {
        MetaData metadata = new MetaData();
        assertThatThrownBy(() -> metadata.table("t", column("id", INTEGER), column("ID", INTEGER)))
                .isInstanceOf(ArgumentError.class).hasMessageContaining("twice");
        metadata.table("t", column("id", INTEGER));
        assertThatThrownBy(() -> metadata.table("t", column("id", INTEGER))).isInstanceOf(ArgumentError.class)
                .hasMessageContaining("already declared");
        assertThatThrownBy(() -> column("g", INTEGER).references("nodot")).isInstanceOf(ArgumentError.class)
                .hasMessageContaining("table.column");
        assertThatThrownBy(() -> metadata.get("nope")).isInstanceOf(ArgumentError.class).hasMessageContaining("[t]");
        assertThatThrownBy(() -> metadata.get("t").c("nope")).isInstanceOf(ArgumentError.class)
                .hasMessageContaining("[id]");
    }
}
