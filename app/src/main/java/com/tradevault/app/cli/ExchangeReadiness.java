package com.tradevault.app.cli;

import com.tradevault.app.exchange.AccountStatus;
import com.tradevault.app.exchange.Balance;
import com.tradevault.app.exchange.ClockOffset;
import com.tradevault.app.exchange.Exchange;
import com.tradevault.app.exchange.OrderRejected;
import com.tradevault.app.exchange.OrderType;
import com.tradevault.app.exchange.RequestWeight;
import com.tradevault.app.exchange.SymbolRules;
import com.tradevault.app.orders.VenueTrailing;
import com.tradevault.app.trading.StrategySettings;
import com.tradevault.app.trading.StrategySettings.TrailMode;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What {@code tradevault exchange check} finds out, read-only: the account's
 * right to trade, the clock offset, the weight used, and for each configured
 * symbol whether the bot can protect a position there (a stop type it
 * allows) and enter and leave it (MARKET). Every reason it cannot is a
 * problem with what to do.
 */
final class ExchangeReadiness {

    /**
     * One symbol as the venue lists it.
     *
     * @param stopType      the protective stop the bot will use there, or null when none is allowed
     * @param sellPriceBand PERCENT_PRICE_BY_SIDE for sells as "down-up" multipliers of the average price, or null
     * @param trailingDelta TRAILING_DELTA for sell stops as "min..max" basis points, or null
     * @param trailedBy     who moves the stop up: "bot", or "exchange (N bips)" with strategy.trail-mode = venue
     * @param problem       why the bot cannot trade it, or null
     */
    record SymbolCheck(String symbol, List<String> orderTypes, String stopType, String tickSize, String stepSize,
                       String minQuantity, String minNotional, String sellPriceBand, boolean trailingStops,
                       String trailingDelta, boolean cancelReplace, String trailedBy, String problem) {
    }

    /** An asset's balance, as plain decimals. */
    record Holding(String asset, String free, String locked) {
    }

    /**
     * The whole answer.
     *
     * @param clockOffsetMillis the venue's clock minus ours
     * @param requestWeight     used weight and its limit, or null where the venue counts none
     */
    record Report(String exchange, boolean ready, List<String> problems, boolean canTrade, List<String> permissions,
                  List<Holding> balances, long clockOffsetMillis, long recvWindowMillis, RequestWeight requestWeight,
                  List<SymbolCheck> symbols) {
    }

    private ExchangeReadiness() {
    }

    static Report check(Exchange exchange, String description, List<String> symbols, StrategySettings strategy,
                        Duration recvWindow, Clock clock) {
        long before = clock.millis();
        long server = exchange.serverTime().toEpochMilli();
        long offset = ClockOffset.millis(before, server, clock.millis());
        AccountStatus account = exchange.account();
        List<SymbolCheck> checks = symbols.stream().map(s -> symbol(exchange, s, strategy)).toList();
        List<String> problems = new ArrayList<>();
        if (!account.canTrade()) {
            problems.add("the account may not trade (canTrade is false): allow Spot trading for this API key on the"
                    + " venue");
        }
        if (Math.abs(offset) > recvWindow.toMillis()) {
            problems.add("the clock is " + offset + " ms off the venue's, beyond exchange.recv-window ("
                    + recvWindow.toMillis() + " ms): synchronise the system clock (NTP)");
        }
        checks.stream().map(SymbolCheck::problem).filter(p -> p != null).forEach(problems::add);
        List<Holding> holdings = account.balances().values().stream().filter(b -> b.total().signum() != 0)
                .map(ExchangeReadiness::holding).toList();
        return new Report(description, problems.isEmpty(), problems, account.canTrade(), account.permissions(),
                holdings, offset, recvWindow.toMillis(), exchange.requestWeight().orElse(null), checks);
    }

    private static Holding holding(Balance b) {
        return new Holding(b.asset(), b.free().stripTrailingZeros().toPlainString(),
                b.locked().stripTrailingZeros().toPlainString());
    }

    private static SymbolCheck symbol(Exchange exchange, String symbol, StrategySettings strategy) {
        SymbolRules r;
        try {
            r = exchange.rules(symbol);
        } catch (OrderRejected e) {
            if (e.reason() != OrderRejected.Reason.UNKNOWN_SYMBOL) {
                throw e;
            }
            return new SymbolCheck(symbol, List.of(), null, null, null, null, null, null, false, null, false, null,
                    symbol + " is not listed by the venue (" + e.getMessage() + "): correct bot.symbols");
        }
        List<String> types = r.orderTypes().stream().map(Enum::name).sorted().toList();
        Optional<OrderType> stop = r.protectiveStopType();
        return new SymbolCheck(symbol, types, stop.map(Enum::name).orElse(null), plain(r.tickSize()),
                plain(r.stepSize()), plain(r.minQuantity()), plain(r.minNotional()),
                r.sellPriceBand().map(b -> plain(b.multiplierDown()) + "-" + plain(b.multiplierUp())).orElse(null),
                r.trailingStopAllowed(), r.sellTrailingDelta().map(Object::toString).orElse(null),
                r.cancelReplaceAllowed(), trailedBy(strategy), problem(symbol, r, stop, types, strategy));
    }

    private static String trailedBy(StrategySettings strategy) {
        return strategy.trailMode() == TrailMode.VENUE
                ? "exchange (" + strategy.trail().bips().map(b -> b + " bips").orElse("?") + ")" : "bot";
    }

    private static String problem(String symbol, SymbolRules r, Optional<OrderType> stop, List<String> types,
                                  StrategySettings strategy) {
        String allows = "(it allows " + (types.isEmpty() ? "no order type" : String.join(", ", types)) + ")";
        if (stop.isEmpty()) {
            return symbol + " allows neither STOP_LOSS nor STOP_LOSS_LIMIT " + allows + ": a position there could not"
                    + " be protected; remove it from bot.symbols";
        }
        if (!r.orderTypes().contains(OrderType.MARKET)) {
            return symbol + " does not allow MARKET orders " + allows + ": the bot enters and exits at market;"
                    + " remove it from bot.symbols";
        }
        if (strategy.trailMode() == TrailMode.VENUE) {
            return VenueTrailing.refusal(r, strategy.trail()).map(why -> "strategy.trail-mode = venue: " + why
                    + ": set strategy.trail-mode = bot, choose a strategy.trail the symbol's TRAILING_DELTA filter"
                    + " admits, or remove it from bot.symbols").orElse(null);
        }
        return null;
    }

    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }

    /** The symbols, for the closing line. */
    static String names(List<SymbolCheck> checks) {
        return checks.stream().map(SymbolCheck::symbol).collect(Collectors.joining(", "));
    }
}
