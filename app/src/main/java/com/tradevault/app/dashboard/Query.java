package com.tradevault.app.dashboard;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A request's query string as names and decoded values; empty values count as absent. */
record Query(Map<String, String> values) {

    static Query parse(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                if (!value.isBlank()) {
                    values.putIfAbsent(name, value.strip());
                }
            }
        }
        return new Query(values);
    }

    Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }
}
