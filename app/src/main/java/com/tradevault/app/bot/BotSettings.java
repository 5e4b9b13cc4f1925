package com.tradevault.app.bot;

import com.tradevault.app.trading.EntrySizing;
import com.tradevault.app.trading.Money;
import com.tradevault.app.trading.StrategySettings;
import com.tradevault.app.trading.Trail;
import com.tradevault.setup.config.SettingsReader;
import com.typesafe.config.Config;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The bot's settings (sections {@code bot} and {@code strategy}), read and
 * checked once.
 *
 * @param symbols          traded symbols, one strategy instance each
 * @param scanInterval     time between two scans of every symbol
 * @param sizing           quote amount per entry and the cap on open positions
 * @param intentGrace      how long an order the venue does not know may still be in flight
 * @param strategy         the breakout strategy and its trailing stop
 */
public record BotSettings(List<String> symbols, Duration scanInterval, EntrySizing sizing, Duration intentGrace,
                          StrategySettings strategy) {

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
        EntrySizing sizing = new EntrySizing(new Money(positive(reader, "bot.quote-per-trade")),
                reader.intBetween("bot.max-open-positions", 1, 1000));
        return new BotSettings(symbols(reader), reader.positiveDuration("bot.scan-interval"), sizing,
                reader.positiveDuration("bot.intent-grace"), strategy(reader));
    }

    private static StrategySettings strategy(SettingsReader reader) {
        String kind = reader.oneOf("strategy.trail-kind", Set.of("percent", "absolute"));
        BigDecimal amount = positive(reader, "strategy.trail");
        Trail trail;
        try {
            trail = new Trail(Trail.Kind.valueOf(kind.toUpperCase(Locale.ROOT)), amount);
        } catch (IllegalArgumentException e) {
            trail = reader.problem("strategy.trail", "must be above 0, below 100 for percent, at most 8 decimals",
                    Trail.percent("1"));
        }
        return new StrategySettings(reader.intBetween("strategy.lookback", 2, 10_000),
                notNegative(reader, "strategy.breakout-margin-percent"), trail,
                notNegative(reader, "strategy.min-stop-move-percent"), stopLimitOffset(reader));
    }

    /** {@code strategy.stop-limit-offset-percent}: from 0 (limit at the stop price) to below 100. */
    private static BigDecimal stopLimitOffset(SettingsReader reader) {
        String path = "strategy.stop-limit-offset-percent";
        BigDecimal v = decimal(reader, path);
        return v.signum() >= 0 && v.compareTo(BigDecimal.valueOf(100)) < 0 ? v
                : reader.problem(path, "must be a percentage from 0 (inclusive) to 100 (exclusive)", BigDecimal.ONE);
    }

    private static List<String> symbols(SettingsReader reader) {
        List<String> symbols = List.of(reader.string("bot.symbols").split("[,\\s]+")).stream()
                .filter(s -> !s.isBlank()).toList();
        if (symbols.isEmpty() || symbols.stream().anyMatch(s -> !s.matches("[A-Z0-9]{2,32}"))) {
            reader.problem("bot.symbols", "must list symbols such as BTCUSDT, separated by commas", List.of());
        }
        return symbols;
    }

    private static BigDecimal decimal(SettingsReader reader, String path) {
        try {
            BigDecimal v = new BigDecimal(reader.string(path).trim());
            return v.scale() <= 8 ? v : reader.problem(path, "must have at most 8 decimals", BigDecimal.ONE);
        } catch (NumberFormatException e) {
            return reader.problem(path, "must be a decimal number such as 100 or 0.5", BigDecimal.ONE);
        }
    }

    private static BigDecimal positive(SettingsReader reader, String path) {
        BigDecimal v = decimal(reader, path);
        return v.signum() > 0 ? v : reader.problem(path, "must be a positive decimal number", BigDecimal.ONE);
    }

    private static BigDecimal notNegative(SettingsReader reader, String path) {
        BigDecimal v = decimal(reader, path);
        return v.signum() >= 0 ? v : reader.problem(path, "must be zero or a positive decimal number", BigDecimal.ZERO);
    }
}
