package com.tradevault.app.exchange.binance;

import java.util.Map;

/**
 * The request weight of each call the adapter makes, as rest-api.md
 * documents it, so that the rate limiter can tell before sending whether a
 * request still fits in the current window.
 */
final class RequestWeights {

    static final int OPEN_ORDERS_ONE_SYMBOL = 6;
    static final int OPEN_ORDERS_ALL_SYMBOLS = 80;

    private static final Map<String, Integer> FIXED = Map.ofEntries(
            Map.entry("GET /api/v3/time", 1),
            Map.entry("GET /api/v3/exchangeInfo", 20),
            Map.entry("GET /api/v3/avgPrice", 2),
            Map.entry("GET /api/v3/klines", 2),
            Map.entry("GET /api/v3/account", 20),
            Map.entry("GET /api/v3/order", 4),
            Map.entry("POST /api/v3/order", 1),
            Map.entry("DELETE /api/v3/order", 1),
            Map.entry("POST /api/v3/order/cancelReplace", 1),
            Map.entry("GET /api/v3/allOrders", 20),
            Map.entry("GET /api/v3/myTrades", 20));

    private RequestWeights() {
    }

    /** The weight of {@code method path} with these parameters. */
    static int of(String method, String path, Map<String, String> params) {
        String what = method + " " + path;
        boolean oneSymbol = params.containsKey("symbol");
        return switch (what) {
            case "GET /api/v3/openOrders" -> oneSymbol ? OPEN_ORDERS_ONE_SYMBOL : OPEN_ORDERS_ALL_SYMBOLS;
            case "GET /api/v3/ticker/price" -> oneSymbol ? 2 : 4;
            default -> FIXED.getOrDefault(what, 1);
        };
    }

    /** Whether the request counts against the account's ORDERS limits. */
    static boolean placesOrder(String method, String path) {
        return method.equals("POST") && path.startsWith("/api/v3/order");
    }
}
