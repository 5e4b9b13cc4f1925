package com.tradevault.app.alerts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * The three channels' real servers for one test (a webhook receiver, a Bot API
 * stand-in, an SMTP server with STARTTLS and AUTH), their secrets in files of
 * mode 0600, and the {@code alerts} configuration that points at them.
 */
public final class AlertServers implements AutoCloseable {

    public static final String WEBHOOK_SECRET = "whsec-5f2b9c0d-never-printed";
    public static final String BOT_TOKEN = "123456:AAF-token-never-printed";
    public static final String CHAT_ID = "4242";
    public static final String SMTP_PASSWORD = "smtp-pw-never-printed";
    /** Every secret, for the tests that prove none is ever printed. */
    public static final List<String> SECRETS = List.of(WEBHOOK_SECRET, BOT_TOKEN, SMTP_PASSWORD);

    public final WebhookReceiver webhook;
    public final TelegramStandIn telegram;
    public final SmtpServer smtp;
    private final Path dir;

    public AlertServers(Path dir) throws IOException, InterruptedException {
        this.dir = dir;
        Files.createDirectories(dir);
        this.webhook = new WebhookReceiver(WEBHOOK_SECRET);
        this.telegram = new TelegramStandIn(BOT_TOKEN, CHAT_ID);
        this.smtp = new SmtpServer(dir.resolve("smtp"), SMTP_PASSWORD);
        secret("webhook.secret", WEBHOOK_SECRET);
        secret("telegram.token", BOT_TOKEN);
        secret("smtp.password", SMTP_PASSWORD);
    }

    /** Writes {@code value} to a file readable by its owner only. */
    public Path secret(String name, String value) throws IOException {
        Path file = dir.resolve(name);
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, value + "\n");
        return file;
    }

    /** The {@code alerts} section for all three channels, quick retries. */
    public String config() {
        return String.join("\n",
                "alerts {",
                "  webhook { url = \"" + webhook.url() + "\", secret-file = \"" + dir.resolve("webhook.secret") + "\" }",
                "  telegram { chat-id = \"" + CHAT_ID + "\", bot-token-file = \"" + dir.resolve("telegram.token")
                        + "\", api-url = \"" + telegram.apiUrl() + "\" }",
                "  email { to = \"owner@example.test\", from = \"bot@example.test\", host = \"127.0.0.1\", port = "
                        + smtp.port() + ", username = \"" + SmtpServer.USER + "\", password-file = \""
                        + dir.resolve("smtp.password") + "\", trust-certificate-file = \"" + smtp.certificate() + "\" }",
                "  retry-backoff = 200ms, max-backoff = 1s, timeout = 5s",
                "}", "");
    }

    @Override
    public void close() throws InterruptedException {
        webhook.close();
        telegram.close();
        smtp.close();
    }
}
