package dev.athanor;

/**
 * One statement sent to the database, as reported to {@link EngineListener#afterExecute(StatementEvent)}.
 *
 * {@snippet :
 * public void afterExecute(StatementEvent e) { timer.record(e.durationNanos(), TimeUnit.NANOSECONDS); }
 * }
 *
 * @param sql           the SQL sent to the driver (with {@code ?} placeholders)
 * @param batchSize     1 for a single execution, the number of parameter sets for an executemany
 * @param durationNanos time from sending to the driver's answer (rows of a query are fetched later)
 * @param error         the exception it raised, or null
 */
public record StatementEvent(String sql, int batchSize, long durationNanos, RuntimeException error) {
}
