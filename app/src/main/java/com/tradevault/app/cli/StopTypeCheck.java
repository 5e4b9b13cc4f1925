package com.tradevault.app.cli;

import com.tradevault.app.exchange.Exchange;
import com.tradevault.app.exchange.OrderType;
import com.tradevault.app.exchange.SymbolRules;
import com.tradevault.app.orders.VenueTrailing;
import com.tradevault.app.trading.StrategySettings;
import com.tradevault.app.trading.StrategySettings.TrailMode;
import com.tradevault.core.Outcome;
import com.tradevault.core.TradevaultException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The stop each configured symbol gets, from the venue's rules: a symbol
 * that allows neither {@code STOP_LOSS} nor {@code STOP_LOSS_LIMIT} cannot
 * have its positions protected, and with {@code strategy.trail-mode = venue}
 * a symbol whose stops the exchange cannot trail by the configured trail
 * cannot be traded as configured, so {@code run} and {@code config check}
 * refuse them (exit 2) before anything is bought.
 */
final class StopTypeCheck {

    private StopTypeCheck() {
    }

    /** One line per symbol: {@code BTCUSDT STOP_LOSS_LIMIT}; throws when a symbol allows no stop. */
    static List<String> require(Exchange exchange, List<String> symbols) {
        return require(exchange, symbols, Optional.empty());
    }

    /**
     * One line per symbol ({@code BTCUSDT STOP_LOSS_LIMIT trailed by the exchange, 100 bips}); throws when a
     * symbol allows no stop, or when the exchange cannot trail its stops as {@code strategy} asks.
     */
    static List<String> require(Exchange exchange, List<String> symbols, StrategySettings strategy) {
        return require(exchange, symbols, Optional.of(strategy).filter(s -> s.trailMode() == TrailMode.VENUE));
    }

    private static List<String> require(Exchange exchange, List<String> symbols, Optional<StrategySettings> venue) {
        List<String> lines = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        List<String> untrailable = new ArrayList<>();
        for (String symbol : symbols) {
            SymbolRules rules = exchange.rules(symbol);
            rules.protectiveStopType().ifPresentOrElse(t -> lines.add(symbol + " " + t + venue.map(s ->
                            " trailed by the exchange, " + s.trail().bips().orElse(0) + " bips").orElse("")),
                    () -> refused.add(symbol + " allows no stop order (its order types: " + allowed(rules) + ")"));
            venue.flatMap(s -> VenueTrailing.refusal(rules, s.trail())).ifPresent(untrailable::add);
        }
        if (!refused.isEmpty()) {
            throw new TradevaultException(Outcome.BAD_USAGE, "bot.symbols: " + String.join("; ", refused)
                    + "; the bot protects every position with a STOP_LOSS or STOP_LOSS_LIMIT order",
                    "remove the symbol from bot.symbols, or trade one whose exchangeInfo lists STOP_LOSS or"
                    + " STOP_LOSS_LIMIT");
        }
        if (!untrailable.isEmpty()) {
            throw new TradevaultException(Outcome.BAD_USAGE, "strategy.trail-mode = venue: "
                    + String.join("; ", untrailable), "set strategy.trail-mode = bot, choose a strategy.trail the"
                    + " symbol's TRAILING_DELTA filter admits, or remove the symbol from bot.symbols");
        }
        return lines;
    }

    private static String allowed(SymbolRules rules) {
        return rules.orderTypes().isEmpty() ? "no order types" : rules.orderTypes().stream().sorted()
                .map(OrderType::name).collect(Collectors.joining(", "));
    }
}
