package com.tradevault.app.cli;

import com.tradevault.app.exchange.Exchange;
import com.tradevault.app.exchange.OrderType;
import com.tradevault.app.exchange.SymbolRules;
import com.tradevault.setup.Outcome;
import com.tradevault.setup.TradevaultException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The stop each configured symbol gets, from the venue's rules: a symbol
 * that allows neither {@code STOP_LOSS} nor {@code STOP_LOSS_LIMIT} cannot
 * have its positions protected, so {@code run} and {@code config check}
 * refuse it (exit 2) before anything is bought.
 */
final class StopTypeCheck {

    private StopTypeCheck() {
    }

    /** One line per symbol: {@code BTCUSDT STOP_LOSS_LIMIT}; throws when a symbol allows no stop. */
    static List<String> require(Exchange exchange, List<String> symbols) {
        List<String> lines = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (String symbol : symbols) {
            SymbolRules rules = exchange.rules(symbol);
            rules.protectiveStopType().ifPresentOrElse(t -> lines.add(symbol + " " + t),
                    () -> refused.add(symbol + " allows no stop order (its order types: " + allowed(rules) + ")"));
        }
        if (!refused.isEmpty()) {
            throw new TradevaultException(Outcome.BAD_USAGE, "bot.symbols: " + String.join("; ", refused)
                    + "; the bot protects every position with a STOP_LOSS or STOP_LOSS_LIMIT order",
                    "remove the symbol from bot.symbols, or trade one whose exchangeInfo lists STOP_LOSS or"
                    + " STOP_LOSS_LIMIT");
        }
        return lines;
    }

    private static String allowed(SymbolRules rules) {
        return rules.orderTypes().isEmpty() ? "no order types" : rules.orderTypes().stream().sorted()
                .map(OrderType::name).collect(Collectors.joining(", "));
    }
}
