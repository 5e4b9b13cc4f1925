package com.tradevault.app.dashboard;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Who may see the dashboard: a request carrying the token as a cookie or as
 * {@code Authorization: Bearer}. The address with {@code ?token=} sets the
 * cookie and sends the browser on to the same page without the token, so it
 * stays out of the history; anything else gets 401 and no data.
 */
final class Access {

    static final String COOKIE = "tradevault_dashboard";
    static final String UNAUTHORIZED = "401 Unauthorized: this dashboard needs its token. Open the address that"
            + " 'tradevault dashboard' printed, or send 'Authorization: Bearer TOKEN' with the token from the"
            + " dashboard.token file in the data directory (docs/dashboard.md).\n";

    private final DashboardToken token;
    private final boolean secure;

    Access(DashboardToken token, boolean secure) {
        this.token = token;
        this.secure = secure;
    }

    /** True when the request may go on; otherwise the answer (redirect or 401) is already sent. */
    boolean handle(HttpExchange exchange) throws IOException {
        Optional<String> offered = queryToken(exchange.getRequestURI());
        if (offered.isPresent() && token.matches(offered.get())) {
            exchange.getResponseHeaders().add("Set-Cookie", COOKIE + "=" + token.reveal()
                    + "; Path=/; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : ""));
            exchange.getResponseHeaders().set("Location", exchange.getRequestURI().getPath());
            DashboardServer.send(exchange, 303, "text/plain", new byte[0]);
            return false;
        }
        if (bearer(exchange).or(() -> cookie(exchange)).filter(token::matches).isPresent()) {
            return true;
        }
        exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"tradevault dashboard\"");
        DashboardServer.send(exchange, 401, "text/plain; charset=utf-8", UNAUTHORIZED.getBytes(StandardCharsets.UTF_8));
        return false;
    }

    private static Optional<String> queryToken(URI uri) {
        return Query.parse(uri.getRawQuery()).get("token");
    }

    private static Optional<String> bearer(HttpExchange exchange) {
        String h = exchange.getRequestHeaders().getFirst("Authorization");
        return h != null && h.regionMatches(true, 0, "Bearer ", 0, 7) ? Optional.of(h.substring(7).strip())
                : Optional.empty();
    }

    private static Optional<String> cookie(HttpExchange exchange) {
        List<String> headers = exchange.getRequestHeaders().getOrDefault("Cookie", List.of());
        for (String header : headers) {
            for (String part : header.split(";")) {
                String p = part.strip();
                if (p.startsWith(COOKIE + "=")) {
                    return Optional.of(p.substring(COOKIE.length() + 1));
                }
            }
        }
        return Optional.empty();
    }
}
