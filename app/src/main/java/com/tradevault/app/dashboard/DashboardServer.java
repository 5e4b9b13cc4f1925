package com.tradevault.app.dashboard;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyStore;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The read-only dashboard over HTTP (or HTTPS): the page and its assets, and
 * the JSON it refreshes from, each behind the token ({@link Access}). It
 * never writes to the ledger and never logs a request's token.
 */
public final class DashboardServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DashboardServer.class);
    static final ObjectMapper JSON = new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);

    private DashboardServer(HttpServer server) {
        this.server = server;
    }

    /** Binds the address of {@code settings} and starts serving {@code data}. */
    public static DashboardServer start(DashboardSettings settings, DashboardToken token, DashboardData data,
                                        Assets assets) throws IOException {
        HttpServer server = bind(settings);
        DashboardServer dashboard = new DashboardServer(server);
        Access access = new Access(token, settings.tls().isPresent());
        Routes routes = new Routes(data, assets, settings);
        server.createContext("/", exchange -> dashboard.handle(exchange, access, routes));
        server.setExecutor(dashboard.threads);
        server.start();
        return dashboard;
    }

    private static HttpServer bind(DashboardSettings settings) throws IOException {
        InetSocketAddress address = new InetSocketAddress(settings.host(), settings.port());
        if (settings.tls().isEmpty()) {
            return HttpServer.create(address, 16);
        }
        HttpsServer https = HttpsServer.create(address, 16);
        https.setHttpsConfigurator(new HttpsConfigurator(sslContext(settings.tls().get())));
        return https;
    }

    private static SSLContext sslContext(DashboardSettings.Tls tls) throws IOException {
        char[] password = Files.readString(tls.passwordFile(), StandardCharsets.UTF_8).strip().toCharArray();
        try (InputStream in = Files.newInputStream(tls.keystoreFile())) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IOException("cannot load the TLS keystore " + tls.keystoreFile() + " with the password in "
                    + tls.passwordFile() + ": " + e.getMessage() + " (a PKCS#12 file, e.g. from 'openssl pkcs12"
                    + " -export' or 'keytool -genkeypair -storetype PKCS12')", e);
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
    }

    /** The port actually bound (the configured one, or the one picked for port 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange, Access access, Routes routes) throws IOException {
        try (exchange) {
            securityHeaders(exchange);
            if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
                send(exchange, 405, "text/plain", "read-only dashboard: only GET\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (access.handle(exchange)) {
                routes.handle(exchange);
            }
        } catch (RuntimeException e) {
            // the path only, never the query: it may carry the token
            LOG.warn("dashboard request {} failed: {}", exchange.getRequestURI().getPath(), e.getMessage());
            sendQuietly(exchange, 500, "the dashboard could not read the ledger just now: " + e.getMessage());
        }
    }

    private static void securityHeaders(HttpExchange exchange) {
        var h = exchange.getResponseHeaders();
        h.set("Cache-Control", "no-store");
        h.set("X-Content-Type-Options", "nosniff");
        h.set("Referrer-Policy", "no-referrer");
        h.set("X-Frame-Options", "DENY");
        h.set("Content-Security-Policy", "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:");
    }

    static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static void sendQuietly(HttpExchange exchange, int status, String text) {
        try {
            send(exchange, status, "text/plain; charset=utf-8", (text + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException ignored) {
            // headers already sent: the client sees a cut answer
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
