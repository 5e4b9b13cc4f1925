package com.tradevault.app.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradevault.core.testing.TestLedgers;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With a PKCS#12 keystore the dashboard speaks HTTPS only, and still answers 401 without its token. */
class DashboardTlsIT {

    private static final String PASSWORD = "correct horse battery";

    @TempDir
    Path dir;

    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stop() {
        processes.forEach(Process::destroyForcibly);
    }

    @Test
    void aKeystoreTurnsTheDashboardToHttpsAndTheTokenStillGuardsIt() throws Exception {
        Path keystore = dir.resolve("dashboard.p12");
        Path password = dir.resolve("dashboard.pass");
        Files.writeString(password, PASSWORD + "\n");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "dashboard", "-keyalg", "EC", "-storetype", "PKCS12", "-keystore",
                keystore.toString(), "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1", "-validity", "2",
                "-storepass:file", password.toString()).redirectErrorStream(true).start();
        assertTrue(keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0,
                new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        Path config = dir.resolve("tradevault.conf");
        Files.writeString(config, "dashboard.tls { keystore-file = \"" + keystore + "\", password-file = \""
                + password + "\" }\n");
        Map<String, String> env = TestLedgers.env(dir, "TRADEVAULT_DB_KEY", TestLedgers.KEY_HEX, "TRADEVAULT_CONFIG",
                config.toString());
        assertEquals(0, tradevault(env, "setup-db").waitFor(90, TimeUnit.SECONDS) ? 0 : 1);

        Process dashboard = tradevault(env, "dashboard", "--listen", "127.0.0.1:0");
        String url = new BufferedReader(new InputStreamReader(dashboard.getInputStream(), StandardCharsets.UTF_8))
                .readLine();
        assertTrue(url != null && url.startsWith("https://127.0.0.1:"), "first line: " + url);
        String base = url.substring(0, url.indexOf('?'));
        String token = url.substring(url.indexOf("?token=") + 7);
        HttpClient https = HttpClient.newBuilder().sslContext(trusting(keystore)).build();

        HttpResponse<String> anonymous = get(https, base + "api/overview", null);
        assertEquals(401, anonymous.statusCode());
        assertEquals(Access.UNAUTHORIZED, anonymous.body());
        HttpResponse<String> opened = get(https, url, null);
        assertTrue(opened.headers().firstValue("Set-Cookie").orElseThrow().endsWith("; Secure"), "a Secure cookie");
        HttpResponse<String> overview = get(https, base + "api/overview", token);
        assertEquals(200, overview.statusCode(), overview.body());
        assertTrue(overview.body().contains("\"schemaVersion\":"), overview.body());
    }

    private static HttpResponse<String> get(HttpClient client, String url, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A client that trusts exactly the dashboard's self-signed certificate. */
    private static SSLContext trusting(Path keystore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    private Process tradevault(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), "com.tradevault.app.cli.Main"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("INVOCATION_ID");
        pb.environment().remove("JOURNAL_STREAM");
        pb.environment().putAll(env);
        pb.redirectError(dir.resolve(args[0] + ".err").toFile());
        Process p = pb.start();
        processes.add(p);
        return p;
    }
}
