package com.tradevault.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The paper-exchange commands' errors: what is wrong, and the next step. */
class PaperExchangeCommandsTest {

    @TempDir
    Path dir;

    @Test
    void serveWithoutCredentialsSaysWhichVariablesToSet() {
        CliRun run = CliRun.of(Map.of("TRADEVAULT_DATA_DIR", dir.toString()), "paper-exchange", "serve", "--port", "0");
        assertEquals(2, run.exitCode());
        assertEquals("error: no exchange API credentials found\nnext: set TRADEVAULT_EXCHANGE_API_KEY and"
                + " TRADEVAULT_EXCHANGE_API_SECRET, or exchange.credentials-file\n", run.err());
    }

    @Test
    void serveOnAPortInUseSaysSoAndLeavesTheStateUnlocked() throws Exception {
        Map<String, String> env = Map.of("TRADEVAULT_DATA_DIR", dir.toString(), "TRADEVAULT_EXCHANGE_API_KEY", "k",
                "TRADEVAULT_EXCHANGE_API_SECRET", "s");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            CliRun run = CliRun.of(env, "paper-exchange", "serve", "--port", Integer.toString(taken.getLocalPort()));
            assertEquals(1, run.exitCode());
            assertTrue(run.err().startsWith("error: cannot listen on /127.0.0.1:" + taken.getLocalPort() + ": "),
                    run.err());
            assertTrue(run.err().endsWith("next: choose another --port, or stop what uses this one\n"), run.err());
        }
        CliRun bad = CliRun.of(env, "paper-exchange", "serve", "--port", "70000");
        assertEquals("error: --port 70000 is not a TCP port\nnext: give a port from 1 to 65535, or 0 for any free"
                + " port\n", bad.err());
        CliRun again = CliRun.of(env, "paper-exchange", "serve", "--port", "0", "--for", "1s");
        assertEquals(0, again.exitCode(), again.err());
    }

    @Test
    void aControlCommandWithoutUrlSaysHowToGiveOne() {
        CliRun run = CliRun.of(Map.of(), "paper-exchange", "dump", "--json");
        assertEquals(2, run.exitCode());
        assertEquals("error: no paper exchange URL given\nnext: pass --url http://127.0.0.1:PORT, or set"
                + " TRADEVAULT_EXCHANGE_URL\n", run.err());
    }

    @Test
    void aControlCommandAgainstNothingSaysToStartTheServer() {
        CliRun run = CliRun.of(Map.of(), "paper-exchange", "set-price", "--url", "http://127.0.0.1:9", "BTCUSDT", "1");
        assertEquals(1, run.exitCode());
        assertEquals("error: cannot reach the paper exchange at http://127.0.0.1:9 (connection refused)\n"
                + "next: start it with 'tradevault paper-exchange serve --port PORT', or check --url\n", run.err());
    }

    @Test
    void paperExchangeAloneListsItsSubcommands() {
        CliRun run = CliRun.of(Map.of(), "paper-exchange");
        assertEquals(0, run.exitCode());
        for (String sub : new String[] {"serve", "set-price", "cancel-orders", "dump", "fault"}) {
            assertTrue(run.out().contains("  " + sub + " "), run.out());
        }
    }
}
