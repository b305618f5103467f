package dev.athanor.asyncio;

import dev.athanor.ArgumentError;
import dev.athanor.EngineOptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The async builder passes the blocking engine's options through, with the same defaults and checks. */
class AsyncEngineBuilderTest {

    @Test
    void statementCacheSizeReachesTheBlockingEnginesOptions() {
        AsyncEngineBuilder builder = AsyncEngine.builder("h2:mem:async_builder");
        assertThat(builder.engineBuilder().options().statementCacheSize())
                .isEqualTo(EngineOptions.DEFAULT_STATEMENT_CACHE_SIZE);
        assertThat(builder.statementCacheSize(7)).isSameAs(builder);
        assertThat(builder.engineBuilder().options().statementCacheSize()).isEqualTo(7);
        assertThat(builder.statementCacheSize(0).engineBuilder().options().statementCacheSize()).isZero();
        assertThatThrownBy(() -> builder.statementCacheSize(-1)).isInstanceOf(ArgumentError.class)
                .hasMessageContaining("statementCacheSize must be 0 (off) or more, was -1");
    }
}
