package com.tradevault.app.exchange.paper.server;

import com.sun.net.httpserver.HttpExchange;
import com.tradevault.app.exchange.binance.BinanceErrors;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request as the routes see it: method, path, the parameters of the
 * query string and the form body, the raw total parameters (what a signature
 * signs) and the API key header.
 */
record ApiRequest(String method, String path, Map<String, String> params, String totalParams,
                  Optional<String> apiKey) {

    static ApiRequest of(HttpExchange ex) throws IOException {
        String query = Optional.ofNullable(ex.getRequestURI().getRawQuery()).orElse("");
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).trim();
        String total = query.isEmpty() ? body : body.isEmpty() ? query : query + body;
        Map<String, String> params = new LinkedHashMap<>();
        parse(query, params);
        parse(body, params);
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

    Optional<String> optional(String name) {
        return Optional.ofNullable(params.get(name)).filter(v -> !v.isBlank());
    }

    String required(String name) {
        return optional(name).orElseThrow(() -> ApiError.badRequest(BinanceErrors.MANDATORY_PARAM,
                "Mandatory parameter '" + name + "' was not sent, was empty/null, or malformed."));
    }

    Optional<BigDecimal> decimal(String name) {
        return optional(name).map(v -> {
            if (!v.matches("[0-9]{1,20}(\\.[0-9]{1,20})?")) {
                throw ApiError.badRequest(BinanceErrors.ILLEGAL_CHARS, "Illegal characters found in parameter '"
                        + name + "'; legal range is '^([0-9]{1,20})(\\.[0-9]{1,20})?$'.");
            }
            return new BigDecimal(v);
        });
    }

    Optional<Long> number(String name) {
        return optional(name).map(v -> {
            try {
                return Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw ApiError.badRequest(BinanceErrors.ILLEGAL_CHARS,
                        "Illegal characters found in parameter '" + name + "'; legal range is '^[0-9]{1,20}$'.");
            }
        });
    }
}
