package com.tradevault.app.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradevault.app.alerts.AlertServers;
import com.tradevault.app.alerts.WebhookReceiver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bot process ({@code tradevault run}) that starts while the exchange is
 * unreachable retries its startup reconciliation; once that lasts longer than
 * {@code alerts.exchange-down-after} the owner gets {@code exchange-down}
 * (before the bot ever trades), and {@code exchange-up} once the exchange is back.
 */
class ExchangeDownAtStartIT {

    @TempDir
    Path dir;

    @Test
    void anExchangeUnreachableDuringTheStartupReconciliationRaisesExchangeDown() throws Exception {
        try (Rig rig = new Rig(dir); AlertServers servers = new AlertServers(dir.resolve("servers"))) {
            Files.writeString(rig.config, servers.config() + "alerts { exchange-down-after = 10s,"
                    + " daily-summary-at = off }\n",
                    StandardOpenOption.APPEND);
            int port = rig.url.getPort();
            rig.stopServer();

            Rig.Bot bot = rig.startBot(Optional.empty());
            assertTrue(servers.webhook.await("exchange-down", Duration.ofSeconds(60)), bot.logText());
            assertFalse(bot.logText().contains("trading BTCUSDT"), "raised while the start still waited: "
                    + bot.logText());
            WebhookReceiver.Received down = servers.webhook.of("exchange-down").get(0);
            assertEquals("critical", down.json().path("severity").asText());
            assertTrue(down.json().path("title").asText().startsWith("The exchange has not answered for "),
                    down.body());
            assertTrue(down.json().path("detail").asText().startsWith("Last error: "), down.body());

            rig.startServer(port);
            assertTrue(bot.awaitLog("trading BTCUSDT", Duration.ofSeconds(60)), bot.logText());
            assertTrue(servers.webhook.await("exchange-up", Duration.ofSeconds(30)), bot.logText());
            assertEquals(Rig.SIGTERM_EXIT, bot.terminate(), bot.logText());
            assertEquals(1, servers.webhook.of("exchange-down").size(), "no flood: repeat-after holds it to one");
            assertEquals(1, servers.webhook.of("exchange-up").size());
        }
    }
}
