package com.tradevault.app.exchange.paper.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Third-party Binance clients against {@code tradevault paper-exchange serve}
 * started as a real process: the official {@code @binance/connector} and
 * {@code ccxt} (pinned in src/test/node/package.json, installed by
 * .ci/install-test-deps) run the scripts in src/test/node, which set nothing
 * but the base URL (and, for ccxt, options that keep it to spot) and assert
 * every answer exactly.
 */
class PaperExchangeContractIT {

    private static final Path NODE_DIR = Path.of("src/test/node").toAbsolutePath();
    private static final String KEY = "contract-key";
    private static final String SECRET = "contract-secret";

    @TempDir
    Path dir;
    Process server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.destroyForcibly();
        }
    }

    @Test
    void officialConnectorAgainstTheStrictDefault() throws Exception {
        assertPasses("connector.mjs", serve(""), "strict", "@binance/connector");
    }

    @Test
    void officialConnectorWhereTheSymbolAllowsStopLoss() throws Exception {
        assertPasses("connector.mjs", serve(ALL_TYPES), "stop-loss", "@binance/connector");
    }

    @Test
    void ccxtAgainstTheStrictDefault() throws Exception {
        assertPasses("ccxt.mjs", serve(""), "strict", "ccxt");
    }

    @Test
    void ccxtWhereTheSymbolAllowsStopLoss() throws Exception {
        assertPasses("ccxt.mjs", serve(ALL_TYPES), "stop-loss", "ccxt");
    }

    private static final String ALL_TYPES =
            " order-types = \"LIMIT, LIMIT_MAKER, MARKET, STOP_LOSS, STOP_LOSS_LIMIT, TAKE_PROFIT, TAKE_PROFIT_LIMIT\",";

    private void assertPasses(String script, URI url, String mode, String client) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("node", script, url.toString(), mode).directory(NODE_DIR.toFile())
                .redirectErrorStream(true);
        pb.environment().put("PAPER_API_KEY", KEY);
        pb.environment().put("PAPER_API_SECRET", SECRET);
        Process node = pb.start();
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(node.waitFor(2, TimeUnit.MINUTES), script + " did not finish");
        List<String> failures = out.lines().filter(l -> !l.startsWith(client + ": ")).toList();
        assertEquals(List.of(), failures, out);
        assertTrue(out.matches("(?s).*" + java.util.regex.Pattern.quote(client) + ": \\d+ checks passed, 0 failed\\n"), out);
        assertEquals(0, node.exitValue(), out);
    }

    /** Starts the server on two symbols at a constant 100, with {@code extra} in its paper section. */
    private URI serve(String extra) throws Exception {
        Path config = dir.resolve("tradevault.conf");
        Files.writeString(config, "paper { symbols = \"BTCUSDT, ETHUSDT\", start-price = \"100\","
                + " initial-base-balance = \"1\", initial-quote-balance = \"10000\", step-size = \"0.001\","
                + " min-quantity = \"0.001\"," + extra
                + " feed { drift = \"0\", volatility = \"0\", tick-interval = 1h } }\n");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "com.tradevault.app.cli.Main", "paper-exchange", "serve",
                "--port", "0", "--state", dir.resolve("paper.db").toString(), "--config", config.toString());
        pb.environment().put("TRADEVAULT_EXCHANGE_API_KEY", KEY);
        pb.environment().put("TRADEVAULT_EXCHANGE_API_SECRET", SECRET);
        pb.redirectError(dir.resolve("server.err").toFile());
        server = pb.start();
        String first = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))
                .readLine();
        assertTrue(first != null && first.startsWith("paper exchange serving http://127.0.0.1:"),
                first + " / " + Files.readString(dir.resolve("server.err")));
        return URI.create(first.substring("paper exchange serving ".length()));
    }
}
