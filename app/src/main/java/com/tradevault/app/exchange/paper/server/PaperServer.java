package com.tradevault.app.exchange.paper.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.tradevault.app.exchange.ApiCredentials;
import com.tradevault.app.exchange.ExchangeUnavailable;
import com.tradevault.app.exchange.NoSuchOrder;
import com.tradevault.app.exchange.OrderRejected;
import com.tradevault.app.exchange.paper.PaperExchange;
import com.tradevault.core.Outcome;
import com.tradevault.core.TradevaultException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves a {@link PaperExchange} over HTTP in Binance Spot's request and
 * response formats ({@code /api/v3/...}, signed endpoints checked like the
 * real venue), plus {@code /control/...} endpoints for tests and demos. The
 * engine keeps ticking while no client is connected, so stops trigger and fill
 * while the bot is down. Closing the server does not close the engine.
 */
public final class PaperServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PaperServer.class);
    private static final String NO_DELAY = "sun.net.httpserver.nodelay";

    static {
        // The JDK server writes an answer's headers and body in two writes; with Nagle's algorithm on, the body
        // waits for the client's delayed ACK of the headers (about 40 ms on Linux): every request took 45 ms.
        // Read once, when the JDK's first HttpServer is made; an explicit -D setting wins.
        if (System.getProperty(NO_DELAY) == null) {
            System.setProperty(NO_DELAY, "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService threads;
    private final MarketRoutes market;
    private final AccountRoutes account;
    private final SignedRequests signed;
    private final Usage usage;
    private final ControlRoutes control;
    private final Faults faults = new Faults();

    private PaperServer(HttpServer server, PaperExchange exchange, ApiCredentials credentials, Clock clock) {
        this.server = server;
        OrderParameters orders = new OrderParameters(exchange);
        this.market = new MarketRoutes(exchange, orders, clock);
        this.account = new AccountRoutes(exchange, orders, clock);
        this.signed = new SignedRequests(credentials, clock);
        this.usage = new Usage(exchange.settings().venue().limits(), clock);
        this.control = new ControlRoutes(exchange, faults);
        this.threads = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "paper-exchange-http");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts serving {@code exchange} for the account {@code account} on {@code address} (port 0: any free port).
     *
     * @throws TradevaultException FAILURE if the address cannot be bound
     */
    public static PaperServer start(PaperExchange exchange, ApiCredentials account, Clock clock,
                                    InetSocketAddress address) {
        HttpServer http;
        try {
            http = HttpServer.create(address, 64);
        } catch (IOException e) {
            throw new TradevaultException(Outcome.FAILURE, "cannot listen on " + address + ": " + e.getMessage(),
                    "choose another --port, or stop what uses this one", e);
        }
        PaperServer server = new PaperServer(http, exchange, account, clock);
        http.createContext("/", server::handle);
        http.setExecutor(server.threads);
        http.start();
        return server;
    }

    /** The base URL clients use, e.g. http://127.0.0.1:8765. */
    public URI url() {
        InetSocketAddress a = server.getAddress();
        return URI.create("http://" + a.getAddress().getHostAddress() + ":" + a.getPort());
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            ApiRequest request = ApiRequest.of(ex);
            if (request.path().startsWith("/control/")) {
                send(ex, answer(() -> Response.ok(control.handle(request))));
                return;
            }
            faults.pause();
            Response failure = faults.failure().orElse(null);
            Response response = withUsage(request, failure != null ? failure : answer(() -> api(request)));
            if (failure == null && (faults.dropAnswer() || faults.dropOrderAnswer(request.method(), request.path()))) {
                LOG.info("fault injection: dropped the answer to {} {}", request.method(), request.path());
                return;
            }
            send(ex, response);
        }
    }

    private Response api(ApiRequest r) {
        Optional<Response> limited = usage.admit(RequestWeights.of(r));
        if (limited.isPresent()) {
            return limited.get();
        }
        Optional<JsonNode> open = market.handle(r);
        if (open.isPresent()) {
            return Response.ok(open.get());
        }
        if (!AccountRoutes.handles(r.route())) {
            throw new ApiError(404, Codes.UNKNOWN, "Unknown endpoint " + r.route() + ".");
        }
        signed.check(r);
        if (RequestWeights.placesOrder(r)) {
            Optional<Response> tooMany = usage.admitOrder();
            if (tooMany.isPresent()) {
                return tooMany.get();
            }
        }
        return account.handle(r);
    }

    private Response withUsage(ApiRequest r, Response response) {
        Map<String, String> headers = new LinkedHashMap<>(usage.headers(RequestWeights.placesOrder(r)));
        headers.putAll(response.headers());
        return new Response(response.status(), response.body(), headers);
    }

    private interface Route {
        Response run();
    }

    private static Response answer(Route route) {
        try {
            return route.run();
        } catch (ApiError e) {
            return new Response(e.httpStatus, BinanceShapes.error(e.code, e.getMessage()), Map.of());
        } catch (OrderRejected e) {
            return new Response(400, BinanceShapes.error(e.code(), e.getMessage()), Map.of());
        } catch (NoSuchOrder e) {
            return new Response(400, BinanceShapes.error(Codes.NO_SUCH_ORDER, "Order does not exist."), Map.of());
        } catch (ExchangeUnavailable e) {
            LOG.warn("paper exchange failed: {}", e.getMessage());
            return new Response(500, BinanceShapes.error(Codes.DISCONNECTED, Codes.INTERNAL_MESSAGE), Map.of());
        } catch (RuntimeException e) {
            LOG.warn("paper exchange request failed", e);
            return new Response(500, BinanceShapes.error(Codes.UNKNOWN, "An unknown error occurred while"
                    + " processing the request."), Map.of());
        }
    }

    private static void send(HttpExchange ex, Response response) throws IOException {
        byte[] body = BinanceShapes.MAPPER.writeValueAsBytes(response.body());
        ex.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
        response.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        ex.sendResponseHeaders(response.status(), body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
