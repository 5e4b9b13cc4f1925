package com.tradevault.app.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradevault.app.alerts.AlertServers;
import com.tradevault.app.cli.Cli;
import com.tradevault.app.faults.CrashPoints;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Nothing lost, nothing doubled: a bot process ({@code tradevault run}) raises
 * an alert (free disk below alerts.min-free-disk) and is halted as by
 * {@code kill -9} after the alert is committed to the outbox and before any
 * channel has it. The next start delivers it, through the real delivery loop,
 * exactly once to the webhook, the Bot API stand-in and the SMTP server, and
 * announces the restart after a crash.
 */
class AlertCrashIT {

    @TempDir
    Path dir;

    @Test
    void anAlertCommittedBeforeAKillArrivesExactlyOnceAfterTheRestart() throws Exception {
        try (Rig rig = new Rig(dir); AlertServers servers = new AlertServers(dir.resolve("servers"))) {
            Files.writeString(rig.config, servers.config() + "alerts { min-free-disk = 1000000G,"
                    + " daily-summary-at = off }\n", StandardOpenOption.APPEND);

            Rig.Bot first = rig.startBot(Optional.of("before-alert-delivery"));
            assertTrue(first.process().waitFor(90, TimeUnit.SECONDS), first.logText());
            assertEquals(CrashPoints.HALT_STATUS, first.process().exitValue(), first.logText());
            assertTrue(first.logText().contains("crash point reached: before-alert-delivery"), first.logText());
            assertTrue(servers.webhook.received().isEmpty() && servers.telegram.texts().isEmpty()
                    && servers.smtp.messages().isEmpty(), "nothing was delivered before the halt");
            JsonNode pending = list(rig);
            assertEquals("disk-low", pending.get(pending.size() - 1).path("event").asText(), pending.toString());
            assertEquals("pending", pending.get(pending.size() - 1).path("status").asText());

            Rig.Bot second = rig.startBot(Optional.empty());
            assertTrue(servers.webhook.await("disk-low", Duration.ofSeconds(60)), second.logText());
            assertTrue(servers.webhook.await("restarted-after-crash", Duration.ofSeconds(30)), second.logText());
            assertTrue(servers.smtp.await("Free disk space is low", Duration.ofSeconds(30)), second.logText());
            assertTrue(servers.telegram.await("Free disk space is low", Duration.ofSeconds(30)), second.logText());
            Thread.sleep(3000);
            assertEquals(Rig.SIGTERM_EXIT, second.terminate(), second.logText());

            assertEquals(1, servers.webhook.of("disk-low").size(), "exactly once, though raised again after the restart");
            assertTrue(servers.webhook.of("disk-low").get(0).signatureValid());
            assertEquals(1, servers.webhook.of("restarted-after-crash").size());
            assertEquals(1, servers.telegram.texts().stream().filter(t -> t.contains("Free disk space is low")).count());
            assertEquals(1, servers.smtp.messages().stream().filter(m -> m.contains("Free disk space is low")).count());
            for (JsonNode alert : list(rig)) {
                assertEquals("delivered", alert.path("status").asText(), alert.toString());
            }
            for (String secret : AlertServers.SECRETS) {
                assertTrue(!first.logText().contains(secret) && !second.logText().contains(secret), "secret logged");
            }
        }
    }

    private static JsonNode list(Rig rig) throws Exception {
        StringWriter out = new StringWriter();
        CommandLine cl = new Cli(rig.env, Clock.systemUTC()).commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(new StringWriter(), true));
        assertEquals(0, cl.execute("alerts", "list", "--json"));
        return new ObjectMapper().readTree(out.toString());
    }
}
