package dev.athanor;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the API does before any implementation is involved: finding the provider (there is none on this module's
 * test class path) and checking the builder's arguments.
 */
class EngineProviderTest {

    @Test
    void creatingAnEngineWithoutAnImplementationNamesTheMissingArtifact() {
        assertThatThrownBy(() -> Engine.create("h2:mem:x"))
                .isExactlyInstanceOf(AthanorException.class)
                .hasMessageContaining("athanor-impl")
                .hasMessageContaining("dev.athanor.spi.EngineProvider")
                .satisfies(e -> assertThat(((AthanorException) e).code()).isEqualTo("no-provider"));
    }

    @Test
    void buildingFailsTheSameWayAfterOptionsAreSet() {
        EngineBuilder builder = Engine.builder("postgresql://u:secret@localhost/db").poolSize(2).echo(true);
        assertThatThrownBy(builder::build)
                .isInstanceOf(AthanorException.class)
                .hasMessageContaining("athanor-impl")
                .hasMessageNotContaining("secret");
    }

    @Test
    void theProviderLookupIsNotAnArgumentError() {
        // a missing implementation is a set-up problem, not a bad argument
        assertThatThrownBy(() -> Engine.create("h2:mem:x")).isNotInstanceOf(ArgumentError.class);
    }

    @Test
    void aNegativePoolSizeIsAnArgumentError() {
        EngineBuilder builder = Engine.builder("h2:mem:x");
        assertThatThrownBy(() -> builder.poolSize(-1))
                .isInstanceOf(ArgumentError.class)
                .hasMessageContaining("poolSize")
                .hasMessageContaining("-1");
        assertThat(builder.poolSize(0).options().poolSize()).isZero();
    }

    @Test
    void otherNumericOptionsAreChecked() {
        EngineBuilder builder = Engine.builder("h2:mem:x");
        assertThatThrownBy(() -> builder.maxOverflow(-1)).isInstanceOf(ArgumentError.class)
                .hasMessageContaining("maxOverflow");
        assertThatThrownBy(() -> builder.queryCacheSize(0)).isInstanceOf(ArgumentError.class)
                .hasMessageContaining("queryCacheSize");
        assertThatThrownBy(() -> builder.poolTimeout(Duration.ZERO)).isInstanceOf(ArgumentError.class)
                .hasMessageContaining("poolTimeout");
        assertThatThrownBy(() -> builder.poolRecycle(Duration.ofSeconds(-1))).isInstanceOf(ArgumentError.class)
                .hasMessageContaining("poolRecycle");
        assertThatThrownBy(() -> builder.leakDetection(null)).isInstanceOf(ArgumentError.class)
                .hasMessageContaining("leakDetection");
    }

    @Test
    void aBlankOrMissingUrlIsAnArgumentError() {
        assertThatThrownBy(() -> Engine.builder("")).isInstanceOf(ArgumentError.class).hasMessageContaining("URL");
        assertThatThrownBy(() -> Engine.builder("   ")).isInstanceOf(ArgumentError.class).hasMessageContaining("URL");
        assertThatThrownBy(() -> Engine.builder(null)).isInstanceOf(ArgumentError.class).hasMessageContaining("URL");
        assertThatThrownBy(() -> Engine.create(" ")).isInstanceOf(ArgumentError.class);
    }

    @Test
    void theUrlIsTrimmed() {
        assertThat(Engine.builder("  h2:mem:x ").options().url()).isEqualTo("h2:mem:x");
    }

    @Test
    void defaultsFollowSqlalchemysQueuePool() {
        EngineOptions options = Engine.builder("h2:mem:x").options();
        assertThat(options.poolSize()).isEqualTo(5);
        assertThat(options.maxOverflow()).isEqualTo(10);
        assertThat(options.poolTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.poolRecycle()).isNull();
        assertThat(options.hideParameters()).isFalse();
        assertThat(options.isolationLevel()).isNull();
    }

    @Test
    void isolationLevelsParseFromTheirSqlNames() {
        assertThat(IsolationLevel.parse("read committed")).isEqualTo(IsolationLevel.READ_COMMITTED);
        assertThat(IsolationLevel.parse("READ COMMITTED")).isEqualTo(IsolationLevel.READ_COMMITTED);
        assertThat(IsolationLevel.parse("read_uncommitted")).isEqualTo(IsolationLevel.READ_UNCOMMITTED);
        assertThat(IsolationLevel.parse("Repeatable-Read")).isEqualTo(IsolationLevel.REPEATABLE_READ);
        assertThat(IsolationLevel.parse(" serializable ")).isEqualTo(IsolationLevel.SERIALIZABLE);
        assertThat(IsolationLevel.parse("autocommit")).isEqualTo(IsolationLevel.AUTOCOMMIT);
        assertThat(IsolationLevel.parse(null)).isNull();
        assertThat(Engine.builder("h2:mem:x").isolationLevel("read committed").options().isolationLevel())
                .isEqualTo(IsolationLevel.READ_COMMITTED);
    }

    @Test
    void anUnknownIsolationLevelIsAnArgumentErrorListingTheKnownOnes() {
        assertThatThrownBy(() -> IsolationLevel.parse("sometimes"))
                .isInstanceOf(ArgumentError.class)
                .hasMessageContaining("sometimes")
                .hasMessageContaining("READ COMMITTED")
                .hasMessageContaining("SERIALIZABLE");
        assertThatThrownBy(() -> Engine.builder("h2:mem:x").isolationLevel("snapshot"))
                .isInstanceOf(ArgumentError.class).hasMessageContaining("snapshot");
    }

    @Test
    void argumentErrorsAreUncheckedAthanorExceptions() {
        assertThatThrownBy(() -> Engine.builder("h2:mem:x").poolSize(-5))
                .isInstanceOf(AthanorException.class)
                .isInstanceOf(RuntimeException.class);
    }

    @Test
    void optionsNeverShowThePassword() {
        EngineOptions options = Engine.builder("postgresql://u:secret@localhost/db").password("other").options();
        assertThat(options.toString()).doesNotContain("secret").doesNotContain("other").contains("***");
        assertThat(Engine.builder("jdbc:postgresql://h/db?user=a&password=secret").options().toString())
                .doesNotContain("secret");
    }

    @Test
    void optionsMaskAPwdOptionAsDatabaseUrlsDo() {
        assertThat(Engine.builder("jdbc:mariadb://h/db?user=a&pwd=secret").options().toString())
                .doesNotContain("secret");
    }
}
