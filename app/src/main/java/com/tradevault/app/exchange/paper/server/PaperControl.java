package com.tradevault.app.exchange.paper.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.tradevault.core.Outcome;
import com.tradevault.core.TradevaultException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** A client of a running server's {@code /control} endpoints (what the paper-exchange CLI wrappers call). */
public final class PaperControl {

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public PaperControl(URI base) {
        this.base = base;
    }

    /** Sets a symbol's price; answers {@code {"symbol":..,"price":..}} with the price as rounded to the tick. */
    public JsonNode setPrice(String symbol, String price) {
        return call("POST", "/control/price", Map.of("symbol", symbol, "price", price));
    }

    /** Cancels open orders (of one symbol, or all); answers the cancelled orders. */
    public JsonNode cancelOrders(Optional<String> symbol) {
        return call("POST", "/control/cancel-orders", symbol.map(s -> Map.of("symbol", s)).orElse(Map.of()));
    }

    /** All orders, trades, balances and prices. */
    public JsonNode dump() {
        return call("GET", "/control/dump", Map.of());
    }

    /** Updates the injected faults (failNext, status, delay, dropNext, reset); answers the new state. */
    public JsonNode faults(Map<String, String> params) {
        return call("POST", "/control/faults", new LinkedHashMap<>(params));
    }

    private JsonNode call(String method, String path, Map<String, String> params) {
        String query = params.entrySet().stream().map(e -> e.getKey() + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        URI uri = URI.create(base + path + (query.isEmpty() ? "" : "?" + query));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = BinanceShapes.MAPPER.readTree(response.body());
            if (response.statusCode() != 200) {
                throw new TradevaultException(Outcome.FAILURE, "the paper exchange at " + base + " refused "
                        + method + " " + path + ": " + body.path("msg").asText(response.body()), "check the arguments");
            }
            return body;
        } catch (IOException e) {
            throw new TradevaultException(Outcome.FAILURE, "cannot reach the paper exchange at " + base + " ("
                    + (e instanceof ConnectException ? "connection refused" : e.toString()) + ")",
                    "start it with 'tradevault paper-exchange serve --port PORT', or check --url", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TradevaultException(Outcome.FAILURE, "interrupted while calling " + base, "", e);
        }
    }
}
