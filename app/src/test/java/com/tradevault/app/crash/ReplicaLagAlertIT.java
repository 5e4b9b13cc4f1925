package com.tradevault.app.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradevault.app.alerts.AlertServers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The replica-lag alert end to end: a bot process and a {@code tradevault replicate} process; the
 * replicator is frozen with SIGSTOP, so the replica falls behind the bot's commits, and the bot
 * raises {@code replica-lag} through the real webhook once (repeat-after not reached); resumed with
 * SIGCONT, it catches up and the recovery is announced once.
 */
class ReplicaLagAlertIT {

    @TempDir
    Path dir;

    @Test
    void aFrozenReplicatorIsAlertedOnceAndItsRecoveryOnce() throws Exception {
        Path replica = dir.resolve("replica");
        try (Rig rig = new Rig(dir, "replica { url = \"" + replica.toUri() + "\", max-lag = 10s }");
             AlertServers servers = new AlertServers(dir.resolve("servers"))) {
            Files.writeString(rig.config, servers.config() + "alerts { daily-summary-at = off }\n",
                    StandardOpenOption.APPEND);
            Rig.Bot replicator = rig.startReplicator();
            assertTrue(replicator.awaitLog("Replicating to ", Duration.ofSeconds(60)), replicator.logText());
            Rig.Bot bot = rig.startBot(Optional.empty());
            assertTrue(bot.awaitLog("trading BTCUSDT every", Duration.ofSeconds(60)), bot.logText());
            Thread.sleep(12_000);
            assertTrue(servers.webhook.of("replica-lag").isEmpty(), "a running replicator keeps up:\n"
                    + bot.logText());

            signal("STOP", replicator.process());
            assertTrue(servers.webhook.await("replica-lag", Duration.ofSeconds(90)), bot.logText());
            Thread.sleep(12_000);
            signal("CONT", replicator.process());
            assertTrue(servers.webhook.await("replica-ok", Duration.ofSeconds(60)), bot.logText());
            Thread.sleep(3_000);
            assertEquals(Rig.SIGTERM_EXIT, bot.terminate(), bot.logText());
            replicator.kill9();

            String log = bot.logText();
            assertEquals(1, servers.webhook.of("replica-lag").size(), "raised once: repeat-after is 6h\n" + log);
            assertEquals(1, servers.webhook.of("replica-ok").size(), "recovered once\n" + log);
            var raised = servers.webhook.of("replica-lag").get(0);
            assertTrue(raised.signatureValid());
            assertTrue(raised.body().contains("behind the ledger"), raised.body());
            assertTrue(raised.body().contains("tradevault replica status"), raised.body());
        }
    }

    private static void signal(String name, Process p) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(p.pid())).inheritIO().start();
        assertTrue(kill.waitFor(10, TimeUnit.SECONDS));
        assertEquals(0, kill.exitValue());
    }
}
