package com.tradevault.app.trading;

import java.math.BigDecimal;

/**
 * The breakout strategy's parameters (configuration section {@code strategy}).
 *
 * @param lookback                 how many previous scans make the range to break out of
 * @param breakoutMarginPercent    how far above the range's high the price must be, in percent
 * @param trail                    the trailing stop's distance
 * @param minStopMovePercent       how far the stop level must rise before the stop on the venue is replaced
 * @param stopLimitOffsetPercent   where a symbol allows no stop-market order: how far below the stop price the
 *                                 stop-limit's limit price sits, in percent of the stop price
 * @param trailMode                who moves the stop up: the bot (cancel-replace) or the exchange
 *                                 ({@code trailingDelta})
 */
public record StrategySettings(int lookback, BigDecimal breakoutMarginPercent, Trail trail,
                               BigDecimal minStopMovePercent, BigDecimal stopLimitOffsetPercent, TrailMode trailMode) {

    /** {@code strategy.trail-mode}: who moves the protective stop up on new highs. */
    public enum TrailMode {
        /** The bot replaces the stop (cancel-replace, or cancel then place) when its level has risen enough. */
        BOT,
        /**
         * The exchange trails the stop itself ({@code trailingDelta}), also while the bot is down; the bot
         * only checks that it is there and places it again if it is not.
         */
        VENUE;

        /** The name in the configuration: {@code bot} or {@code venue}. */
        public String configName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The parameters, trailed by the bot. */
    public StrategySettings(int lookback, BigDecimal breakoutMarginPercent, Trail trail,
                            BigDecimal minStopMovePercent, BigDecimal stopLimitOffsetPercent) {
        this(lookback, breakoutMarginPercent, trail, minStopMovePercent, stopLimitOffsetPercent, TrailMode.BOT);
    }

    /** The default offset of a stop-limit's limit below its stop price, in percent. */
    public static final BigDecimal DEFAULT_STOP_LIMIT_OFFSET_PERCENT = new BigDecimal("0.5");

    /** The parameters with the default stop-limit offset. */
    public StrategySettings(int lookback, BigDecimal breakoutMarginPercent, Trail trail,
                            BigDecimal minStopMovePercent) {
        this(lookback, breakoutMarginPercent, trail, minStopMovePercent, DEFAULT_STOP_LIMIT_OFFSET_PERCENT);
    }
}
