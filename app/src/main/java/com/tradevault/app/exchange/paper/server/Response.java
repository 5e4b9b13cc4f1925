package com.tradevault.app.exchange.paper.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** An answer: HTTP status, JSON body and extra headers. */
record Response(int status, JsonNode body, Map<String, String> headers) {

    static Response ok(JsonNode body) {
        return new Response(200, body, Map.of());
    }
}
