package dev.athanor;

/**
 * The connection failed while COMMIT was under way: the database may or may not have committed the transaction, and
 * the client cannot tell which. Raised by {@link Connection#commit()}, {@link Transaction#commit()} and the ORM's
 * {@code Session.commit()}, never for a failure before COMMIT was sent (that is a plain {@link OperationalError}: the
 * transaction certainly rolled back). The connection is discarded, not returned to the pool.
 *
 * <p>What to do: find out whether the work is there (read it back on a new connection, by a key or a request id the
 * transaction wrote), or make the work idempotent so that doing it again is harmless; do not simply run it again.
 * {@link RetryPolicy} never retries a block after this error unless it is declared
 * {@linkplain RetryPolicy.Builder#idempotent(boolean) idempotent}.
 *
 * {@snippet :
 * try {
 *     engine.begin(conn -> conn.execute(insert(payments).values(Map.of("request_id", requestId, "amount", 10))));
 * } catch (CommitOutcomeUnknownError e) {
 *     boolean stored = engine.inTransaction(conn -> conn.execute(select(payments.c("id"))
 *             .where(payments.c("request_id").eq(requestId))).first() != null);
 * }
 * }
 */
public class CommitOutcomeUnknownError extends OperationalError {
    private static final long serialVersionUID = 1L;

    /** The short code of this error: {@code commit-outcome-unknown}, a section of {@code docs/errors.md}. */
    public static final String CODE = "commit-outcome-unknown";

    public CommitOutcomeUnknownError(String message, String sql, String sqlState, int vendorCode, Throwable cause) {
        super("the outcome of COMMIT is unknown: the connection failed before the database answered, so the "
                + "transaction may or may not have been committed (" + message + "; error code: " + CODE
                + ", see docs/errors.md#" + CODE + ")", sql, "", sqlState, vendorCode, cause);
    }

    @Override
    public String code() {
        return CODE;
    }
}
