package com.tradevault.app.exchange.binance;

import com.fasterxml.jackson.databind.JsonNode;
import com.tradevault.app.exchange.SymbolRules;
import java.math.BigDecimal;

/** Reads a symbol's PRICE_FILTER, LOT_SIZE and NOTIONAL (or MIN_NOTIONAL) filters from exchangeInfo. */
final class SymbolFilters {

    private SymbolFilters() {
    }

    static SymbolRules rules(JsonNode symbol) {
        BigDecimal tick = BigDecimal.ZERO;
        BigDecimal step = BigDecimal.ZERO;
        BigDecimal minQty = BigDecimal.ZERO;
        BigDecimal minNotional = BigDecimal.ZERO;
        for (JsonNode f : symbol.path("filters")) {
            switch (f.path("filterType").asText()) {
                case "PRICE_FILTER" -> tick = BinanceJson.decimal(f.get("tickSize"));
                case "LOT_SIZE" -> {
                    step = BinanceJson.decimal(f.get("stepSize"));
                    minQty = BinanceJson.decimal(f.get("minQty"));
                }
                case "NOTIONAL", "MIN_NOTIONAL" -> minNotional = BinanceJson.decimal(f.get("minNotional"));
                default -> {
                    // other filters (ICEBERG_PARTS, MAX_NUM_ORDERS, ...) do not shape our orders
                }
            }
        }
        return new SymbolRules(symbol.get("symbol").asText(), symbol.get("baseAsset").asText(),
                symbol.get("quoteAsset").asText(), tick, step, minQty, minNotional);
    }
}
