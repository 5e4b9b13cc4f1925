package com.tradevault.app.cli;

import static com.tradevault.app.exchange.binance.DocumentedVenue.ok;
import static com.tradevault.app.exchange.binance.DocumentedVenue.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tradevault.app.exchange.binance.DocumentedVenue;
import com.tradevault.core.testing.TestLedgers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A command that meets an exchange answer it cannot read says which endpoint and field, with exit 1. */
class UnreadableExchangeAnswerIT {

    @TempDir
    Path dir;
    private final DocumentedVenue venue = new DocumentedVenue();

    @AfterEach
    void stop() {
        venue.close();
    }

    @Test
    void reconcileNamesTheEndpointAndFieldInsteadOfPrintingAStackTrace() throws Exception {
        Path config = dir.resolve("venue.conf");
        Files.writeString(config, "exchange.max-retries = 0\n");
        Map<String, String> env = TestLedgers.env(dir, "TRADEVAULT_DB_KEY", TestLedgers.KEY_HEX, "TRADEVAULT_CONFIG",
                config.toString());
        assertEquals(0, CliRun.of(env, "setup-db").exitCode());
        env.put("TRADEVAULT_EXCHANGE_URL", venue.url().toString());
        env.put("TRADEVAULT_EXCHANGE_API_KEY", "stub-api-key");
        env.put("TRADEVAULT_EXCHANGE_API_SECRET", "stub-api-secret");
        venue.answer("GET /api/v3/myTrades", ok("[]"));
        venue.answer("GET /api/v3/account", ok(resource("account.json")));
        venue.answer("GET /api/v3/openOrders", ok("[{\"symbol\": \"BTCUSDT\", \"orderId\": 1}]"));
        CliRun run = CliRun.of(env, "reconcile");
        assertEquals(1, run.exitCode());
        assertEquals(String.join("\n",
                "error: the exchange: cannot read the answer of GET /api/v3/openOrders: field 'type' is missing; the"
                        + " venue may have changed its API: report this with the endpoint and field",
                "next: check exchange.url / TRADEVAULT_EXCHANGE_URL, the network and the venue's status, then run the"
                        + " command again", ""), run.err());
    }
}
