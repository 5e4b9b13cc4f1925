package com.tradevault.app.exchange.binance;

import com.fasterxml.jackson.databind.JsonNode;
import com.tradevault.app.exchange.OrderType;
import com.tradevault.app.exchange.SymbolRules;
import com.tradevault.app.exchange.SymbolRules.DeltaRange;
import com.tradevault.app.exchange.SymbolRules.PriceBand;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a symbol of exchangeInfo: its PRICE_FILTER, LOT_SIZE, NOTIONAL (or
 * MIN_NOTIONAL), PERCENT_PRICE_BY_SIDE and TRAILING_DELTA filters, its {@code orderTypes},
 * {@code allowTrailingStop} and {@code cancelReplaceAllowed}. Order types this
 * adapter does not know are left out: the bot never places them.
 */
final class SymbolFilters {

    private SymbolFilters() {
    }

    static SymbolRules rules(String endpoint, JsonNode symbol) {
        AnswerFields s = new AnswerFields(endpoint, symbol);
        BigDecimal tick = BigDecimal.ZERO;
        BigDecimal step = BigDecimal.ZERO;
        BigDecimal minQty = BigDecimal.ZERO;
        BigDecimal minNotional = BigDecimal.ZERO;
        Optional<PriceBand> sellBand = Optional.empty();
        Optional<DeltaRange> sellDelta = Optional.empty();
        for (JsonNode n : symbol.path("filters")) {
            AnswerFields f = new AnswerFields(endpoint + " " + s.text("symbol") + " filter "
                    + n.path("filterType").asText(), n);
            switch (n.path("filterType").asText()) {
                case "PRICE_FILTER" -> tick = f.decimal("tickSize");
                case "LOT_SIZE" -> {
                    step = f.decimal("stepSize");
                    minQty = f.decimal("minQty");
                }
                case "NOTIONAL", "MIN_NOTIONAL" -> minNotional = f.decimal("minNotional");
                case "PERCENT_PRICE_BY_SIDE" -> sellBand = Optional.of(new PriceBand(
                        f.decimal("askMultiplierDown"), f.decimal("askMultiplierUp")));
                case "TRAILING_DELTA" -> sellDelta = Optional.of(new DeltaRange(
                        f.decimal("minTrailingBelowDelta").intValueExact(),
                        f.decimal("maxTrailingBelowDelta").intValueExact()));
                default -> {
                    // other filters (ICEBERG_PARTS, MAX_NUM_ORDERS, ...) do not shape our orders
                }
            }
        }
        return new SymbolRules(s.text("symbol"), s.text("baseAsset"), s.text("quoteAsset"), tick, step, minQty,
                minNotional, orderTypes(symbol), symbol.path("allowTrailingStop").asBoolean(false),
                symbol.path("cancelReplaceAllowed").asBoolean(false), sellBand, sellDelta);
    }

    private static Set<OrderType> orderTypes(JsonNode symbol) {
        Set<OrderType> known = EnumSet.noneOf(OrderType.class);
        symbol.path("orderTypes").forEach(t -> Arrays.stream(OrderType.values())
                .filter(k -> k.name().equals(t.asText())).forEach(known::add));
        return known;
    }
}
