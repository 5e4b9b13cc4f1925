package com.tradevault.app.exchange.paper.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request as the routes see it: method, path, the parameters of the
 * query string and the form body (the query string wins when both have one, as
 * Binance documents), the raw total parameters (what a signature signs) and the
 * API key header.
 */
record ApiRequest(String method, String path, Map<String, String> params, String totalParams,
                  Optional<String> apiKey) {

    private static final String SYMBOLS_RANGE = "^\\[(\"[A-Z0-9-_.]{1,20}\"(,\"[A-Z0-9-_.]{1,20}\"){0,}){0,1}\\]$";

    static ApiRequest of(HttpExchange ex) throws IOException {
        String query = Optional.ofNullable(ex.getRequestURI().getRawQuery()).orElse("");
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).trim();
        String total = query + body;
        Map<String, String> params = new LinkedHashMap<>();
        parse(body, params);
        parse(query, params);
        return new ApiRequest(ex.getRequestMethod(), ex.getRequestURI().getPath(), params, total,
                Optional.ofNullable(ex.getRequestHeaders().getFirst("X-MBX-APIKEY")));
    }

    private static void parse(String form, Map<String, String> into) {
        for (String pair : form.split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                into.put(key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
    }

    String route() {
        return method + " " + path;
    }

    Optional<String> optional(String name) {
        return Optional.ofNullable(params.get(name)).filter(v -> !v.isBlank());
    }

    String required(String name) {
        return optional(name).orElseThrow(() -> Codes.mandatory(name));
    }

    Optional<BigDecimal> decimal(String name) {
        return optional(name).map(v -> {
            if (!v.matches("[0-9]{1,20}(\\.[0-9]{1,20})?")) {
                throw Codes.illegal(name, "^([0-9]{1,20})(\\.[0-9]{1,20})?$");
            }
            return new BigDecimal(v);
        });
    }

    Optional<Long> number(String name) {
        return optional(name).map(v -> {
            try {
                return Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw Codes.illegal(name, "^[0-9]{1,20}$");
            }
        });
    }

    /** The {@code symbols} parameter, a JSON array such as {@code ["BTCUSDT","ETHUSDT"]}. */
    Optional<List<String>> symbols() {
        return optional("symbols").map(v -> {
            List<String> out = new ArrayList<>();
            try {
                JsonNode array = BinanceShapes.MAPPER.readTree(v);
                array.forEach(n -> out.add(n.asText()));
                if (!array.isArray() || out.isEmpty() || out.stream().anyMatch(s -> !s.matches("[A-Z0-9-_.]{1,20}"))) {
                    throw Codes.illegal("symbols", SYMBOLS_RANGE);
                }
            } catch (IOException e) {
                throw Codes.illegal("symbols", SYMBOLS_RANGE);
            }
            return out;
        });
    }
}
