package com.tradevault.app.bot;

import com.tradevault.app.trading.EntrySizing;
import com.tradevault.app.trading.Money;
import com.tradevault.app.orders.VenueTrailing;
import com.tradevault.app.trading.StrategySettings;
import com.tradevault.app.trading.StrategySettings.TrailMode;
import com.tradevault.app.trading.Trail;
import com.tradevault.core.config.SettingsReader;
import com.typesafe.config.Config;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The bot's settings (sections {@code bot} and {@code strategy}), read and
 * checked once.
 *
 * @param symbols          traded symbols, one strategy instance each
 * @param scanInterval     time between two scans of every symbol
 * @param sizing           quote amount per entry and the cap on open positions
 * @param intentGrace      how long an order the venue does not know may still be in flight
 * @param strategy         the breakout strategy, its trailing stop and who trails it ({@code strategy.trail-mode})
 * @param equityInterval   time between two equity snapshots (the dashboard's equity curve)
 */
public record BotSettings(List<String> symbols, Duration scanInterval, EntrySizing sizing, Duration intentGrace,
                          StrategySettings strategy, Duration equityInterval) {

    /** The shortest scan interval: a tighter loop only burns the venue's rate limit. */
    public static final Duration SHORTEST_SCAN = Duration.ofMillis(100);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public BotSettings {
        symbols = List.copyOf(symbols);
    }

    /** Reads and checks the settings, failing with every problem at once. */
    public static BotSettings from(Config config) {
        SettingsReader reader = new SettingsReader(config);
        BotSettings settings = read(reader);
        reader.throwIfProblems();
        return settings;
    }

    /** Reads the settings, collecting problems in {@code reader} (for {@code config check}). */
    public static BotSettings read(SettingsReader reader) {
        EntrySizing sizing = new EntrySizing(new Money(reader.decimalBetween("bot.quote-per-trade", BigDecimal.ZERO, false, Money.LARGEST_SETTING)),
                reader.intBetween("bot.max-open-positions", 1, 1000));
        return new BotSettings(symbols(reader), reader.durationBetween("bot.scan-interval", SHORTEST_SCAN, Duration.ofDays(1)), sizing,
                reader.durationBetween("bot.intent-grace", Duration.ofSeconds(1), Duration.ofDays(1)), strategy(reader),
                reader.durationBetween("bot.equity-interval", Duration.ofSeconds(1), Duration.ofDays(1)));
    }

    private static StrategySettings strategy(SettingsReader reader) {
        String kind = reader.oneOf("strategy.trail-kind", Set.of("percent", "absolute"));
        Trail trail = trail(reader, kind);
        TrailMode mode = reader.oneOf("strategy.trail-mode", Set.of("bot", "venue")).equals("venue") ? TrailMode.VENUE
                : TrailMode.BOT;
        VenueTrailing.configProblem(mode, trail).ifPresent(p -> reader.problem(p.path(), p.rule(), null));
        return new StrategySettings(reader.intBetween("strategy.lookback", 2, 10_000),
                percent(reader, "strategy.breakout-margin-percent"), trail,
                percent(reader, "strategy.min-stop-move-percent"), stopLimitOffset(reader), mode);
    }


    /** A percent trail is below 100 percent; an absolute one is a price distance, bounded like any amount. */
    private static Trail trail(SettingsReader reader, String kind) {
        if (kind.equals("absolute")) {
            return new Trail(Trail.Kind.ABSOLUTE, reader.decimalBetween("strategy.trail", BigDecimal.ZERO, false,
                    Money.LARGEST_SETTING));
        }
        BigDecimal percent = reader.decimalBetween("strategy.trail", BigDecimal.ZERO, false, HUNDRED);
        return percent.compareTo(HUNDRED) < 0 ? Trail.percent(percent.toPlainString())
                : reader.problem("strategy.trail", "must be below 100 (percent) with strategy.trail-kind = percent",
                        Trail.percent("1"));
    }

    /** {@code strategy.stop-limit-offset-percent}: from 0 (limit at the stop price) to below 100. */
    private static BigDecimal stopLimitOffset(SettingsReader reader) {
        String path = "strategy.stop-limit-offset-percent";
        BigDecimal v = percent(reader, path);
        return v.compareTo(HUNDRED) < 0 ? v
                : reader.problem(path, "must be a percentage from 0 (inclusive) to 100 (exclusive)", BigDecimal.ONE);
    }

    private static BigDecimal percent(SettingsReader reader, String path) {
        return reader.decimalBetween(path, BigDecimal.ZERO, true, HUNDRED);
    }

    private static List<String> symbols(SettingsReader reader) {
        List<String> symbols = List.of(reader.string("bot.symbols").split("[,\\s]+")).stream()
                .filter(s -> !s.isBlank()).toList();
        if (symbols.isEmpty() || symbols.stream().anyMatch(s -> !s.matches("[A-Z0-9]{2,32}"))) {
            reader.problem("bot.symbols", "must list symbols such as BTCUSDT, separated by commas", List.of());
        }
        return symbols;
    }
}
