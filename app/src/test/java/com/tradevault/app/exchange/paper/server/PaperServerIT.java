package com.tradevault.app.exchange.paper.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tradevault.app.exchange.ApiCredentials;
import com.tradevault.app.exchange.paper.PaperExchange;
import com.tradevault.app.exchange.paper.PaperFixture;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server's answers on the wire, byte for byte what a Binance client expects. */
class PaperServerIT {

    static final ApiCredentials ACCOUNT = new ApiCredentials("wire-key", "wire-secret", "test");

    @TempDir
    Path dir;
    PaperExchange engine;
    PaperServer server;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        engine = PaperExchange.open(PaperFixture.settings(dir), Clock.systemUTC());
        server = PaperServer.start(engine, ACCOUNT, Clock.systemUTC(), new InetSocketAddress("127.0.0.1", 0));
    }

    @AfterEach
    void stop() {
        server.close();
        engine.close();
    }

    @Test
    void signedEndpointsCheckKeyTimestampWindowAndSignatureLikeTheVenue() throws Exception {
        long now = System.currentTimeMillis();
        assertAnswer(401, "{\"code\":-2014,\"msg\":\"API-key format invalid.\"}", "GET", "/api/v3/account",
                signed("timestamp=" + now), null);
        assertAnswer(401, "{\"code\":-2015,\"msg\":\"Invalid API-key, IP, or permissions for action.\"}", "GET",
                "/api/v3/account", signed("timestamp=" + now), "other-key");
        assertAnswer(400, "{\"code\":-1102,\"msg\":\"Mandatory parameter 'timestamp' was not sent, was empty/null,"
                + " or malformed.\"}", "GET", "/api/v3/account", signed("recvWindow=5000"), "wire-key");
        assertAnswer(400, "{\"code\":-1131,\"msg\":\"recvWindow must be less than 60000\"}", "GET",
                "/api/v3/account", signed("recvWindow=70000&timestamp=" + now), "wire-key");
        assertAnswer(400, "{\"code\":-1022,\"msg\":\"Signature for this request is not valid.\"}", "GET",
                "/api/v3/account", "timestamp=" + now + "&signature=" + "0".repeat(64), "wire-key");
        assertAnswer(400, "{\"code\":-1021,\"msg\":\"Timestamp for this request is outside of the recvWindow.\"}",
                "GET", "/api/v3/account", signed("recvWindow=1000&timestamp=" + (now - 5000)), "wire-key");
        assertAnswer(400, "{\"code\":-1021,\"msg\":\"Timestamp for this request was 1000ms ahead of the server's"
                + " time.\"}", "GET", "/api/v3/account", signed("timestamp=" + (now + 60_000)), "wire-key");
        assertEquals(200, call("GET", "/api/v3/account", signed("timestamp=" + now), "wire-key").statusCode());
    }

    @Test
    void badParametersGetBinancesCodes() throws Exception {
        long now = System.currentTimeMillis();
        assertAnswer(400, "{\"code\":-1100,\"msg\":\"Illegal characters found in parameter 'quantity'; legal range"
                + " is '^([0-9]{1,20})(\\\\.[0-9]{1,20})?$'.\"}", "POST", "/api/v3/order",
                signed("symbol=BTCUSDT&side=BUY&type=MARKET&quantity=1e3&timestamp=" + now), "wire-key");
        assertAnswer(400, "{\"code\":-1117,\"msg\":\"Invalid side.\"}", "POST", "/api/v3/order",
                signed("symbol=BTCUSDT&side=HOLD&type=MARKET&quantity=1&timestamp=" + now), "wire-key");
        assertAnswer(400, "{\"code\":-1102,\"msg\":\"Mandatory parameter 'timeInForce' was not sent, was empty/null,"
                + " or malformed.\"}", "POST", "/api/v3/order",
                signed("symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=1&price=90&timestamp=" + now), "wire-key");
        assertAnswer(400, "{\"code\":-1121,\"msg\":\"Invalid symbol.\"}", "GET", "/api/v3/ticker/price",
                "symbol=DOGEUSDT", null);
        assertAnswer(400, "{\"code\":-1120,\"msg\":\"Invalid interval.\"}", "GET", "/api/v3/klines",
                "symbol=BTCUSDT&interval=1h", null);
        assertAnswer(404, "{\"code\":-1000,\"msg\":\"Unknown endpoint GET /api/v3/depth.\"}", "GET",
                "/api/v3/depth", "symbol=BTCUSDT", null);
        assertEquals(List.of(), engine.allOrders("BTCUSDT"));
    }

    @Test
    void aBodySignedTogetherWithTheQueryIsAccepted() throws Exception {
        String query = "symbol=BTCUSDT&side=BUY&type=MARKET";
        String body = "quantity=0.1&newClientOrderId=tv-body&timestamp=" + System.currentTimeMillis();
        String signature = sign(ACCOUNT.secret(), query + body);
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.url() + "/api/v3/order?" + query))
                .header("X-MBX-APIKEY", "wire-key").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body + "&signature=" + signature)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("tv-body", engine.allOrders("BTCUSDT").get(0).clientOrderId().value());
    }

    @Test
    void weightAndOrderCountsAreReportedAndRefusedPastTheLimitsWithBinancesAnswers() throws Exception {
        stop();
        Clock fixed = Clock.fixed(java.time.Instant.parse("2026-01-05T10:00:30Z"), java.time.ZoneOffset.UTC);
        engine = PaperExchange.open(PaperFixture.settings(dir, "paper.rate-limits.request-weight-per-minute", "13",
                "paper.rate-limits.orders-per-10s", "2"), fixed);
        server = PaperServer.start(engine, ACCOUNT, fixed, new InetSocketAddress("127.0.0.1", 0));
        String order = "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.1&newOrderRespType=ACK&timestamp=" + fixed.millis();
        HttpResponse<String> first = call("POST", "/api/v3/order", signed(order), "wire-key");
        assertEquals(List.of("1", "1", "1"), List.of(header(first, "X-MBX-USED-WEIGHT-1M"),
                header(first, "X-MBX-ORDER-COUNT-10S"), header(first, "X-MBX-ORDER-COUNT-1D")));
        assertEquals(200, call("POST", "/api/v3/order", signed(order), "wire-key").statusCode());
        HttpResponse<String> third = call("POST", "/api/v3/order", signed(order), "wire-key");
        assertEquals("429 {\"code\":-1015,\"msg\":\"Too many new orders; current limit is 2 orders per 10 SECOND.\"}",
                third.statusCode() + " " + third.body());
        assertEquals(java.util.Optional.empty(), third.headers().firstValue("Retry-After"));
        assertEquals(2, engine.allOrders("BTCUSDT").size(), "the refused order was not placed");
        HttpResponse<String> info = call("GET", "/api/v3/exchangeInfo", "symbol=BTCUSDT", null);
        assertEquals("13", header(info, "X-MBX-USED-WEIGHT-1M"), "3 orders, then exchangeInfo weighs 10");
        HttpResponse<String> over = call("GET", "/api/v3/time", "", null);
        assertEquals("429 {\"code\":-1003,\"msg\":\"Too much request weight used; current limit is 13 request weight"
                + " per 1 MINUTE. Please use WebSocket Streams for live updates to avoid polling the API.\"}",
                over.statusCode() + " " + over.body());
        assertEquals("30", header(over, "Retry-After"), "seconds to the next minute");
    }

    @Test
    void cancelReplaceAnswersEachDocumentedOutcome() throws Exception {
        long now = System.currentTimeMillis();
        call("POST", "/api/v3/order", signed("symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.1"
                + "&price=90&newClientOrderId=tv-a&timestamp=" + now), "wire-key");
        String replace = "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.1&price=91"
                + "&cancelReplaceMode=ALLOW_FAILURE&cancelOrigClientOrderId=tv-gone&newClientOrderId=tv-b"
                + "&newOrderRespType=ACK&timestamp=" + now;
        HttpResponse<String> allowed = call("POST", "/api/v3/order/cancelReplace", signed(replace), "wire-key");
        long newId = engine.ordersOf("BTCUSDT").get(1).id();
        assertEquals("409 {\"code\":-2021,\"msg\":\"Order cancel-replace partially failed.\",\"data\":{"
                + "\"cancelResult\":\"FAILURE\",\"newOrderResult\":\"SUCCESS\",\"cancelResponse\":{\"code\":-2011,"
                + "\"msg\":\"Unknown order sent.\"},\"newOrderResponse\":{\"symbol\":\"BTCUSDT\",\"orderId\":" + newId
                + ",\"orderListId\":-1,\"clientOrderId\":\"tv-b\",\"transactTime\":"
                + engine.ordersOf("BTCUSDT").get(1).updatedAt().toEpochMilli() + "}}}",
                allowed.statusCode() + " " + allowed.body());
        String bad = "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.1&price=91"
                + "&cancelReplaceMode=STOP_ON_FAILURE&cancelOrigClientOrderId=tv-a&cancelRestrictions=ONLY_PARTIALLY_FILLED"
                + "&timestamp=" + now;
        HttpResponse<String> restricted = call("POST", "/api/v3/order/cancelReplace", signed(bad), "wire-key");
        assertEquals("400 {\"code\":-2022,\"msg\":\"Order cancel-replace failed.\",\"data\":{\"cancelResult\":"
                + "\"FAILURE\",\"newOrderResult\":\"NOT_ATTEMPTED\",\"cancelResponse\":{\"code\":-2011,\"msg\":"
                + "\"Order was not canceled due to cancel restrictions.\"},\"newOrderResponse\":null}}",
                restricted.statusCode() + " " + restricted.body());
        assertEquals(2, engine.openOrders(java.util.Optional.empty()).size());
    }

    @Test
    void exchangeInfoTellsWhatTheSettingsAllowAndTheServerKeepsToIt() throws Exception {
        stop();
        engine = PaperExchange.open(PaperFixture.settings(dir, "paper.order-types", "LIMIT, MARKET, STOP_LOSS_LIMIT",
                "paper.allow-trailing-stop", "off", "paper.cancel-replace-allowed", "off"), Clock.systemUTC());
        server = PaperServer.start(engine, ACCOUNT, Clock.systemUTC(), new InetSocketAddress("127.0.0.1", 0));
        com.fasterxml.jackson.databind.JsonNode symbol = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                call("GET", "/api/v3/exchangeInfo", "symbol=BTCUSDT", null).body()).get("symbols").get(0);
        assertEquals("[\"LIMIT\",\"MARKET\",\"STOP_LOSS_LIMIT\"] false false", symbol.get("orderTypes") + " "
                + symbol.get("allowTrailingStop") + " " + symbol.get("cancelReplaceAllowed"));
        long now = System.currentTimeMillis();
        assertAnswer(400, "{\"code\":-1020,\"msg\":\"This operation is not supported.\"}", "POST",
                "/api/v3/order/cancelReplace", signed("symbol=BTCUSDT&side=SELL&type=STOP_LOSS_LIMIT&timeInForce=GTC"
                        + "&quantity=0.1&price=94&stopPrice=95&cancelReplaceMode=STOP_ON_FAILURE"
                        + "&cancelOrigClientOrderId=tv-x&timestamp=" + now), "wire-key");
        assertAnswer(400, "{\"code\":-1013,\"msg\":\"Trailing stop orders are not supported for this symbol.\"}",
                "POST", "/api/v3/order", signed("symbol=BTCUSDT&side=SELL&type=STOP_LOSS_LIMIT&timeInForce=GTC"
                        + "&quantity=0.1&price=94&trailingDelta=100&timestamp=" + now), "wire-key");
        assertAnswer(400, "{\"code\":-1014,\"msg\":\"Unsupported order combination.\"}", "POST", "/api/v3/order",
                signed("symbol=BTCUSDT&side=BUY&type=LIMIT_MAKER&quantity=0.1&price=90&timestamp=" + now), "wire-key");
        assertEquals(List.of(), engine.allOrders("BTCUSDT"));
    }

    @Test
    void theTwentyFourHourTickerHasEveryFieldOfTheFullShape() throws Exception {
        engine.setPrice("BTCUSDT", new java.math.BigDecimal("110"));
        HttpResponse<String> r = call("GET", "/api/v3/ticker/24hr", "symbol=BTCUSDT", null);
        com.fasterxml.jackson.databind.JsonNode t = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body());
        List<String> fields = new java.util.ArrayList<>();
        t.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("symbol", "priceChange", "priceChangePercent", "prevClosePrice", "lastPrice", "openPrice",
                "highPrice", "lowPrice", "weightedAvgPrice", "lastQty", "bidPrice", "bidQty", "askPrice", "askQty",
                "volume", "quoteVolume", "openTime", "closeTime", "firstId", "lastId", "count"), fields);
        assertEquals("10.00000000 10.000 100.00000000 110.00000000 110.00000000 100.00000000 -1 0",
                t.get("priceChange").asText() + " " + t.get("priceChangePercent").asText() + " "
                        + t.get("openPrice").asText() + " " + t.get("lastPrice").asText() + " "
                        + t.get("highPrice").asText() + " " + t.get("lowPrice").asText() + " "
                        + t.get("firstId").asText() + " " + t.get("count").asText());
    }

    private static String header(HttpResponse<String> response, String name) {
        return response.headers().firstValue(name).orElse("(none)");
    }

    private static String signed(String params) {
        return params + "&signature=" + sign(ACCOUNT.secret(), params);
    }

    private void assertAnswer(int status, String body, String method, String path, String query, String apiKey)
            throws Exception {
        HttpResponse<String> response = call(method, path, query, apiKey);
        assertEquals(status + " " + body, response.statusCode() + " " + response.body());
    }

    private HttpResponse<String> call(String method, String path, String query, String apiKey) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url() + path + "?" + query))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (apiKey != null) {
            b.header("X-MBX-APIKEY", apiKey);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** HMAC-SHA256 as hex, written here so this test does not lean on the adapter's signing. */
    static String sign(byte[] secret, String data) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(secret, "HmacSHA256"));
            return java.util.HexFormat.of().formatHex(mac.doFinal(data.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
