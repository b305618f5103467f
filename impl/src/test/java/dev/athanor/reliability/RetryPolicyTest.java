package dev.athanor.reliability;

import dev.athanor.ArgumentError;
import dev.athanor.CommitOutcomeUnknownError;
import dev.athanor.DataError;
import dev.athanor.OperationalError;
import dev.athanor.RetryPolicy;
import org.junit.jupiter.api.Test;

import java.sql.SQLNonTransientConnectionException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The policy itself: which errors are transient, and the capped exponential back-off with jitter. */
class RetryPolicyTest {

    private static OperationalError operational(String state, int code) {
        return new OperationalError("x", "SQL", "", state, code, null);
    }

    @Test
    void classifiesTransientErrors() {
        assertThat(RetryPolicy.isTransient(operational("40001", 0))).as("serialization failure").isTrue();
        assertThat(RetryPolicy.isTransient(operational("40P01", 0))).as("PostgreSQL deadlock").isTrue();
        assertThat(RetryPolicy.isTransient(operational("40001", 1213))).as("MariaDB deadlock").isTrue();
        assertThat(RetryPolicy.isTransient(operational("HY000", 1205))).as("MariaDB lock wait time-out").isTrue();
        assertThat(RetryPolicy.isTransient(operational("08006", 0))).as("connection lost").isTrue();
        assertThat(RetryPolicy.isTransient(operational("57P01", 0))).as("backend terminated").isTrue();
        assertThat(RetryPolicy.isTransient(new OperationalError("x", null, "", null, 0,
                new SQLNonTransientConnectionException("gone")))).as("driver's connection exception").isTrue();
        assertThat(RetryPolicy.isTransient(new CommitOutcomeUnknownError("gone", "COMMIT", "08006", 0, null)))
                .isFalse();
        assertThat(RetryPolicy.isTransient(new DataError("x", null, "", "22001", 0, null))).isFalse();
        assertThat(RetryPolicy.isTransient(new IllegalStateException())).isFalse();
        CommitOutcomeUnknownError unknown = new CommitOutcomeUnknownError("gone", "COMMIT", "08006", 0, null);
        assertThat(RetryPolicy.defaults().shouldRetry(unknown)).isFalse();
        assertThat(RetryPolicy.builder().idempotent(true).build().shouldRetry(unknown)).isTrue();
    }

    @Test
    void backoffGrowsExponentiallyUpToTheCapWithJitterBelowIt() {
        RetryPolicy exact = RetryPolicy.builder().exponentialBackoff(Duration.ofMillis(10), 3.0, Duration.ofMillis(200))
                .jitter(0).build();
        assertThat(exact.backoff(1)).isEqualTo(Duration.ofMillis(10));
        assertThat(exact.backoff(2)).isEqualTo(Duration.ofMillis(30));
        assertThat(exact.backoff(3)).isEqualTo(Duration.ofMillis(90));
        assertThat(exact.backoff(4)).isEqualTo(Duration.ofMillis(200));
        assertThat(exact.backoff(30)).isEqualTo(Duration.ofMillis(200));
        RetryPolicy jittered = RetryPolicy.builder().exponentialBackoff(Duration.ofMillis(100), 2.0,
                Duration.ofMillis(100)).jitter(0.5).build();
        for (int i = 0; i < 200; i++) {
            assertThat(jittered.backoff(1)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
        }
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(0)).isInstanceOf(ArgumentError.class)
                .hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> RetryPolicy.builder().jitter(2)).isInstanceOf(ArgumentError.class);
        assertThatThrownBy(() -> RetryPolicy.builder().exponentialBackoff(Duration.ofSeconds(2), 2,
                Duration.ofSeconds(1))).isInstanceOf(ArgumentError.class);
    }
}
