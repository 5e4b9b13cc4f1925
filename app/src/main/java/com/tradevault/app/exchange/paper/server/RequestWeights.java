package com.tradevault.app.exchange.paper.server;

/**
 * The request weight of each endpoint, as rest-api.md lists it: heavier for
 * endpoints that read many symbols or much history.
 */
final class RequestWeights {

    private RequestWeights() {
    }

    static int of(ApiRequest r) {
        boolean symbol = r.optional("symbol").isPresent();
        return switch (r.route()) {
            case "GET /api/v3/exchangeInfo", "GET /api/v3/allOrders", "GET /api/v3/myTrades",
                    "GET /api/v3/account" -> 10;
            case "GET /api/v3/ticker/24hr" -> symbol ? 1 : tickerSymbols(r);
            case "GET /api/v3/ticker/price" -> symbol ? 1 : 2;
            case "GET /api/v3/order" -> 2;
            case "GET /api/v3/openOrders" -> symbol ? 3 : 40;
            default -> 1;
        };
    }

    private static int tickerSymbols(ApiRequest r) {
        int count;
        try {
            count = r.symbols().map(java.util.List::size).orElse(Integer.MAX_VALUE);
        } catch (ApiError e) {
            return 1;
        }
        return count <= 20 ? 1 : count <= 100 ? 20 : 40;
    }

    /** Whether the request places orders, and so counts against the order rate limits. */
    static boolean placesOrder(ApiRequest r) {
        return r.route().equals("POST /api/v3/order") || r.route().equals("POST /api/v3/order/cancelReplace");
    }
}
