package com.tradevault.app.reconciliation;

import com.tradevault.core.config.SettingsReader;
import com.typesafe.config.Config;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * How reconciliation behaves, read once from the {@code reconcile} section.
 *
 * @param interval               time between two reconciliations while the bot runs
 * @param marketThroughStop      what to do when a stop must be placed again but the price is already through it
 * @param cancelUnknownOrders    whether orders with our client-id prefix that the ledger does not know are cancelled
 * @param blockOnBalanceMismatch whether a balance short of the open positions blocks new entries
 * @param retryBackoff           first wait before asking an unreachable exchange again, doubled each time
 * @param maxBackoff             the longest wait between two attempts
 */
public record ReconcileSettings(Duration interval, MarketThroughStop marketThroughStop, boolean cancelUnknownOrders,
                                boolean blockOnBalanceMismatch, Duration retryBackoff, Duration maxBackoff) {

    /** The policy for a stop whose level the market has already passed. */
    public enum MarketThroughStop {
        /** Sell the position at market at once and say so. */
        EXIT_AT_MARKET,
        /** Leave the position as it is, report it and block new entries until an operator acts. */
        ALERT_ONLY;

        /** The configuration spelling: {@code exit-at-market}, {@code alert-only}. */
        public String configName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** Reads and checks the settings, failing with every problem at once. */
    public static ReconcileSettings from(Config config) {
        SettingsReader reader = new SettingsReader(config);
        ReconcileSettings settings = read(reader);
        reader.throwIfProblems();
        return settings;
    }

    /** Reads the settings, collecting problems in {@code reader} (for {@code config check}). */
    public static ReconcileSettings read(SettingsReader reader) {
        String policy = reader.oneOf("reconcile.market-through-stop", Set.of("exit-at-market", "alert-only"));
        MarketThroughStop parsed = policy.equals("alert-only") ? MarketThroughStop.ALERT_ONLY
                : MarketThroughStop.EXIT_AT_MARKET;
        return new ReconcileSettings(reader.durationBetween("reconcile.interval", Duration.ofSeconds(1), Duration.ofDays(1)), parsed,
                reader.onOff("reconcile.cancel-unknown-orders"),
                reader.onOff("reconcile.block-entries-on-balance-mismatch"),
                reader.durationBetween("reconcile.retry-backoff", Duration.ofMillis(10), Duration.ofHours(1)),
                reader.durationBetween("reconcile.max-backoff", Duration.ofMillis(10), Duration.ofDays(1)));
    }

    /** The defaults, for tests and the planner's callers that have no configuration. */
    public static ReconcileSettings defaults() {
        return new ReconcileSettings(Duration.ofMinutes(1), MarketThroughStop.EXIT_AT_MARKET, false, true,
                Duration.ofSeconds(1), Duration.ofSeconds(30));
    }

    public ReconcileSettings withPolicy(MarketThroughStop policy) {
        return new ReconcileSettings(interval, policy, cancelUnknownOrders, blockOnBalanceMismatch, retryBackoff,
                maxBackoff);
    }

    public ReconcileSettings cancellingUnknownOrders(boolean cancel) {
        return new ReconcileSettings(interval, marketThroughStop, cancel, blockOnBalanceMismatch, retryBackoff,
                maxBackoff);
    }
}
