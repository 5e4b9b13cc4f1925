package com.tradevault.core.db;

import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs database work again, with exponential backoff, while the connection is
 * lost (the dialect decides what counts as lost), and gives up with
 * {@link DatabaseUnavailable} after {@code window}. Other failures pass
 * through at once.
 *
 * @param firstPause pause after the first failure; doubled after each further one
 * @param maxPause   the longest single pause
 * @param window     how long to keep trying before reporting the database unavailable
 */
record ConnectionRetry(Duration firstPause, Duration maxPause, Duration window) {

    /** 100 ms doubling to 5 s, for up to two minutes: rides out a server restart or failover. */
    public static final ConnectionRetry DEFAULT =
            new ConnectionRetry(Duration.ofMillis(100), Duration.ofSeconds(5), Duration.ofMinutes(2));

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionRetry.class);

    /** Work to repeat; it must be safe to run again after a failure. */
    @FunctionalInterface
    public interface Attempt<T> {
        T run() throws SQLException;
    }

    /** Runs {@code attempt} until it succeeds, fails for another reason, or the window is spent. */
    public <T> T run(String where, Predicate<SQLException> lost, Attempt<T> attempt) throws SQLException {
        long deadline = System.nanoTime() + window.toNanos();
        Duration pause = firstPause;
        for (int failures = 1; ; failures++) {
            try {
                return attempt.run();
            } catch (SQLException e) {
                if (!lost.test(e)) {
                    throw e;
                }
                if (System.nanoTime() + pause.toNanos() > deadline) {
                    throw unavailable(where, failures, e);
                }
                LOG.warn("connection to {} lost ({}); retry {} in {} ms", where, e.getMessage(), failures,
                        pause.toMillis());
                sleep(pause, e);
                pause = pause.multipliedBy(2).compareTo(maxPause) > 0 ? maxPause : pause.multipliedBy(2);
            }
        }
    }

    private DatabaseUnavailable unavailable(String where, int failures, SQLException e) {
        return new DatabaseUnavailable("database " + where + " unreachable for " + window.toSeconds() + "s ("
                + failures + " attempts): " + e.getMessage(),
                "check that the server runs and is reachable, then retry: ledger writes are idempotent, so running"
                        + " the same work again is safe", e);
    }

    private static void sleep(Duration pause, SQLException cause) throws SQLException {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for the database", cause);
        }
    }
}
