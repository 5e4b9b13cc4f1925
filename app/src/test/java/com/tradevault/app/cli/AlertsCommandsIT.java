package com.tradevault.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradevault.app.alerts.AlertServers;
import com.tradevault.app.alerts.WebhookReceiver;
import com.tradevault.core.testing.TestLedgers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code alerts test} and {@code alerts notify-failure} against real local
 * servers: a webhook (JDK HTTP server), a Bot API stand-in, and an SMTP server
 * that requires STARTTLS and authentication (aiosmtpd).
 */
class AlertsCommandsIT {

    @TempDir
    Path dir;
    private AlertServers servers;

    @BeforeEach
    void startServers() throws Exception {
        servers = new AlertServers(dir.resolve("servers"));
    }

    @AfterEach
    void stopServers() throws Exception {
        servers.close();
    }

    private Map<String, String> env(String extraConfig) throws Exception {
        Path config = dir.resolve("tradevault.conf");
        Files.writeString(config, servers.config() + extraConfig);
        return TestLedgers.env(dir, "TRADEVAULT_CONFIG", config.toString());
    }

    @Test
    void alertsTestDeliversThroughEveryChannelAndSaysSo() throws Exception {
        CliRun run = CliRun.of(env(""), "alerts", "test");

        assertEquals("webhook: delivered\ntelegram: delivered\nemail: delivered\n", run.out(), run.err());
        assertEquals(0, run.exitCode());
        WebhookReceiver.Received hook = servers.webhook.of("test").get(0);
        assertTrue(hook.signatureValid(), "the body's HMAC-SHA256 under the shared secret");
        assertEquals("info", hook.json().path("severity").asText());
        assertTrue(hook.json().path("title").asText().startsWith("Test alert from tradevault on "));
        assertTrue(servers.telegram.texts().get(0).startsWith("[INFO] Test alert from tradevault on "));
        String mail = servers.smtp.messages().get(0);
        assertTrue(mail.contains("X-Envelope-To: owner@example.test"), mail);
        assertTrue(mail.contains("Subject: tradevault info: Test alert from tradevault on "), mail);
        assertSecretsNeverPrinted(run);
    }

    @Test
    void aChannelThatRefusesFailsTheTestWithItsReasonAndExitOne() throws Exception {
        servers.secret("smtp.password", "not-the-password");
        CliRun run = CliRun.of(env("alerts.telegram.chat-id = \"999\"\n"), "alerts", "test");

        assertEquals(1, run.exitCode());
        List<String> lines = run.out().lines().toList();
        assertEquals("webhook: delivered", lines.get(0));
        assertEquals("telegram: FAILED: telegram: the Bot API answered HTTP 400: Bad Request: chat not found",
                lines.get(1));
        assertTrue(lines.get(2).startsWith("email: FAILED: email: 127.0.0.1:" + servers.smtp.port()
                + " did not take the message (535"), lines.get(2));
        assertEquals("error: 2 of 3 alert channel(s) did not take the test alert\nnext: fix what each FAILED"
                + " line says, then run 'tradevault alerts test' again\n", run.err());
        assertTrue(servers.smtp.messages().isEmpty());
        assertSecretsNeverPrinted(run);
    }

    @Test
    void aWrongBotTokenIsRefusedWithoutPrintingIt() throws Exception {
        servers.secret("telegram.token", "999:wrong-token-never-printed");
        CliRun run = CliRun.of(env(""), "alerts", "test");

        assertEquals(1, run.exitCode());
        assertTrue(run.out().contains("telegram: FAILED: telegram: the Bot API answered HTTP 401: Unauthorized\n"),
                run.out());
        assertFalse(run.out().contains("wrong-token-never-printed") || run.err().contains("wrong-token-never-printed"));
    }

    @Test
    void notifyFailureSendsWithoutTheLedgerEvenWithAWrongKey() throws Exception {
        Map<String, String> env = new java.util.HashMap<>(env(""));
        env.put("TRADEVAULT_DB_KEY", "00".repeat(32));
        CliRun run = CliRun.of(env, "alerts", "notify-failure", "tradevault.service");

        assertEquals("webhook: delivered\ntelegram: delivered\nemail: delivered\n", run.out(), run.err());
        assertEquals(0, run.exitCode());
        WebhookReceiver.Received hook = servers.webhook.of("unit-failed").get(0);
        assertEquals("critical", hook.json().path("severity").asText());
        assertTrue(hook.json().path("next_step").asText().contains("systemctl reset-failed tradevault.service"));
        assertTrue(servers.telegram.texts().get(0).contains("tradevault.service failed on "));
        assertTrue(servers.smtp.messages().get(0).contains("Subject: tradevault critical: tradevault.service failed on"));
    }

    @Test
    void notifyFailureSaysAKeyProblemFromWhatSystemdPassesOnFailure() throws Exception {
        Map<String, String> env = new java.util.HashMap<>(env(""));
        env.putAll(Map.of("MONITOR_SERVICE_RESULT", "exit-code", "MONITOR_EXIT_CODE", "exited",
                "MONITOR_EXIT_STATUS", "4"));
        CliRun run = CliRun.of(env, "alerts", "notify-failure", "tradevault.service");

        assertEquals(0, run.exitCode(), run.out() + run.err());
        WebhookReceiver.Received hook = servers.webhook.of("key-problem").get(0);
        assertTrue(hook.signatureValid());
        assertEquals("critical", hook.json().path("severity").asText());
        assertTrue(hook.json().path("title").asText().matches("tradevault\\.service stopped on .+: key problem"),
                hook.body());
        assertTrue(hook.json().path("next_step").asText().startsWith("run 'tradevault config check' as the service"
                + " user; put the right key in /etc/tradevault/credentials/db-key"), hook.body());
        assertTrue(servers.telegram.texts().get(0).startsWith("[CRITICAL] tradevault.service stopped on "));
    }

    @Test
    void notifyFailureSaysAnIntegrityProblemWithTheRestoreStep() throws Exception {
        Map<String, String> env = new java.util.HashMap<>(env(""));
        env.putAll(Map.of("MONITOR_SERVICE_RESULT", "exit-code", "MONITOR_EXIT_CODE", "exited",
                "MONITOR_EXIT_STATUS", "3"));
        CliRun run = CliRun.of(env, "alerts", "notify-failure", "tradevault.service");

        assertEquals(0, run.exitCode(), run.out() + run.err());
        WebhookReceiver.Received hook = servers.webhook.of("integrity-problem").get(0);
        assertTrue(hook.json().path("next_step").asText().startsWith("run 'tradevault integrity'; if it reports"
                + " damage, restore the newest verified backup with 'tradevault restore FILE'"), hook.body());
        assertTrue(servers.webhook.of("unit-failed").isEmpty());
    }

    @Test
    void notifyFailureRetriesAChannelThatIsDownForAMoment() throws Exception {
        servers.webhook.refuseNext(2);
        CliRun run = CliRun.of(env(""), "alerts", "notify-failure", "tradevault.service");

        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertEquals(1, servers.webhook.of("unit-failed").size());
    }

    @Test
    void noChannelIsAConfigurationErrorNamingTheKeys() throws Exception {
        Path config = dir.resolve("empty.conf");
        Files.writeString(config, "");
        CliRun run = CliRun.of(TestLedgers.env(dir, "TRADEVAULT_CONFIG", config.toString()), "alerts", "test");

        assertEquals(2, run.exitCode());
        assertEquals("error: no alert channel is configured\nnext: set alerts.webhook.url,"
                + " alerts.telegram.chat-id or alerts.email.to (see docs/alerts.md)\n", run.err());
    }

    @Test
    void aWebhookWithoutItsSecretFileIsRefusedNamingTheKey() throws Exception {
        Path config = dir.resolve("half.conf");
        Files.writeString(config, "alerts.webhook.url = \"" + servers.webhook.url() + "\"\n");
        CliRun run = CliRun.of(TestLedgers.env(dir, "TRADEVAULT_CONFIG", config.toString()), "alerts", "test");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("alerts.webhook.secret-file = : must name the file with the HMAC-SHA256"
                + " signing secret when alerts.webhook.url is set"), run.err());
    }

    @Test
    void aSecretFileOthersCanReadIsRefused() throws Exception {
        Path secret = dir.resolve("servers/webhook.secret");
        Files.setPosixFilePermissions(secret, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        CliRun run = CliRun.of(env(""), "alerts", "test");

        assertEquals(2, run.exitCode());
        assertEquals("error: alerts.webhook.secret-file: " + secret + " can be read by other users\nnext: run"
                + " 'chmod 600 " + secret + "'\n", run.err());
    }

    private static void assertSecretsNeverPrinted(CliRun run) {
        for (String secret : AlertServers.SECRETS) {
            assertFalse(run.out().contains(secret) || run.err().contains(secret), "printed a secret");
        }
    }
}
