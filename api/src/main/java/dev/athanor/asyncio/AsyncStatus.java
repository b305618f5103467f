package dev.athanor.asyncio;

/**
 * A snapshot of an {@link AsyncEngine}'s work: its threads and its queue.
 *
 * {@snippet :
 * AsyncStatus status = engine.status();
 * System.out.println(status.threads() + " threads, " + status.waiting() + " tasks waiting for a connection");
 * }
 *
 * @param threads     threads the engine has started and not yet ended (0 with a user-supplied executor)
 * @param peakThreads the most threads it had at one time
 * @param holding     connections and sessions that hold a pooled connection now (never above the pool's size)
 * @param peakHolding the most that held one at one time
 * @param waiting     tasks queued for a connection now
 */
public record AsyncStatus(int threads, int peakThreads, int holding, int peakHolding, int waiting) {
}
