package com.tradevault.app.alerts;

import com.tradevault.core.config.SettingsReader;
import com.typesafe.config.Config;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * The {@code alerts} section, read and checked once: the channels (any
 * number, none configured means alerts stay in the outbox and the journal),
 * the thresholds of the watched conditions, and how delivery retries.
 *
 * @param webhook            JSON POST signed with HMAC-SHA256, when {@code alerts.webhook.url} is set
 * @param telegram           a Telegram chat, when {@code alerts.telegram.chat-id} is set
 * @param email              SMTP with STARTTLS, when {@code alerts.email.to} is set
 * @param exchangeDownAfter  how long the exchange may be unreachable before an alert
 * @param backupOverdueAfter how old the newest backup may get before an alert
 * @param minFreeDisk        free bytes under the data directory below which an alert is raised
 * @param repeatAfter        the shortest time between two alerts of the same condition
 * @param dailySummaryAt     when (UTC) the daily summary goes out; empty: never
 * @param retryBackoff       first wait before a failed delivery is retried, doubled each time
 * @param maxBackoff         the longest wait between two delivery attempts
 * @param timeout            how long a channel may take to answer
 */
public record AlertSettings(Optional<Webhook> webhook, Optional<Telegram> telegram, Optional<Email> email,
                            Duration exchangeDownAfter, Duration backupOverdueAfter, long minFreeDisk,
                            Duration repeatAfter, Optional<LocalTime> dailySummaryAt, Duration retryBackoff,
                            Duration maxBackoff, Duration timeout) {

    /** {@code alerts.webhook}: where to POST, and the file with the HMAC key. */
    public record Webhook(URI url, Path secretFile) {
    }

    /** {@code alerts.telegram}: the Bot API base URL, the file with the bot token, the chat. */
    public record Telegram(URI apiUrl, Path botTokenFile, String chatId) {
    }

    /**
     * {@code alerts.email}: the SMTP server, its login, sender and recipients;
     * {@code trustCertificate}, when set, is the one certificate the server's
     * TLS is checked against instead of the system's authorities (a server with
     * a self-signed certificate).
     */
    public record Email(String host, int port, boolean starttls, String username, Optional<Path> passwordFile,
                        String from, List<String> to, Optional<Path> trustCertificate) {
        public Email {
            to = List.copyOf(to);
        }
    }

    /** Reads and checks the section, failing with every problem at once. */
    public static AlertSettings from(Config config) {
        SettingsReader reader = new SettingsReader(config);
        AlertSettings settings = read(reader);
        reader.throwIfProblems();
        return settings;
    }

    /** Reads the section, collecting problems in {@code reader}. */
    public static AlertSettings read(SettingsReader reader) {
        return new AlertSettings(webhook(reader), telegram(reader), email(reader),
                reader.durationBetween("alerts.exchange-down-after", Duration.ofSeconds(10), Duration.ofDays(7)),
                reader.durationBetween("alerts.backup-overdue-after", Duration.ofHours(1), Duration.ofDays(365)),
                reader.bytesBetween("alerts.min-free-disk", 0, Long.MAX_VALUE),
                reader.durationBetween("alerts.repeat-after", Duration.ofMinutes(1), Duration.ofDays(30)),
                dailySummaryAt(reader),
                reader.durationBetween("alerts.retry-backoff", Duration.ofMillis(100), Duration.ofHours(1)),
                reader.durationBetween("alerts.max-backoff", Duration.ofSeconds(1), Duration.ofDays(1)),
                reader.durationBetween("alerts.timeout", Duration.ofSeconds(1), Duration.ofMinutes(5)));
    }

    /** The names of the configured channels, for messages. */
    public List<String> channelNames() {
        return java.util.stream.Stream.of(webhook.map(w -> "webhook"), telegram.map(t -> "telegram"),
                email.map(e -> "email")).flatMap(Optional::stream).toList();
    }

    private static Optional<Webhook> webhook(SettingsReader reader) {
        String url = reader.string("alerts.webhook.url").trim();
        if (url.isEmpty()) {
            return Optional.empty();
        }
        Optional<URI> uri = httpUri(reader, "alerts.webhook.url", url);
        Optional<Path> secret = required(reader, "alerts.webhook.secret-file",
                "must name the file with the HMAC-SHA256 signing secret when alerts.webhook.url is set");
        return uri.flatMap(u -> secret.map(s -> new Webhook(u, s)));
    }

    private static Optional<Telegram> telegram(SettingsReader reader) {
        String chat = reader.string("alerts.telegram.chat-id").trim();
        if (chat.isEmpty()) {
            return Optional.empty();
        }
        Optional<URI> api = httpUri(reader, "alerts.telegram.api-url", reader.string("alerts.telegram.api-url").trim());
        Optional<Path> token = required(reader, "alerts.telegram.bot-token-file",
                "must name the file with the bot token when alerts.telegram.chat-id is set");
        return api.flatMap(a -> token.map(t -> new Telegram(a, t, chat)));
    }

    private static Optional<Email> email(SettingsReader reader) {
        List<String> to = List.of(reader.string("alerts.email.to").split("[,\\s]+")).stream()
                .filter(s -> !s.isBlank()).toList();
        if (to.isEmpty()) {
            return Optional.empty();
        }
        String host = reader.string("alerts.email.host").trim();
        if (host.isEmpty()) {
            reader.problem("alerts.email.host", "must name the SMTP server when alerts.email.to is set", "");
        }
        String from = reader.string("alerts.email.from").trim();
        if (!from.contains("@")) {
            reader.problem("alerts.email.from", "must be the sender's address when alerts.email.to is set", "");
        }
        String user = reader.string("alerts.email.username").trim();
        Optional<Path> password = reader.optionalPath("alerts.email.password-file");
        if (!user.isEmpty() && password.isEmpty()) {
            reader.problem("alerts.email.password-file", "must name the file with the SMTP password when"
                    + " alerts.email.username is set", "");
        }
        return Optional.of(new Email(host, reader.intBetween("alerts.email.port", 1, 65535),
                reader.onOff("alerts.email.starttls"), user, password, from, to,
                reader.optionalPath("alerts.email.trust-certificate-file")));
    }

    private static Optional<Path> required(SettingsReader reader, String path, String rule) {
        Optional<Path> file = reader.optionalPath(path);
        if (file.isEmpty()) {
            reader.problem(path, rule, "");
        }
        return file;
    }

    private static Optional<URI> httpUri(SettingsReader reader, String path, String text) {
        try {
            URI uri = new URI(text);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return Optional.of(uri);
            }
        } catch (java.net.URISyntaxException e) {
            // reported below with the rule
        }
        return reader.problem(path, "must be an http:// or https:// URL", Optional.empty());
    }

    private static Optional<LocalTime> dailySummaryAt(SettingsReader reader) {
        String text = reader.string("alerts.daily-summary-at").trim();
        if (text.isEmpty() || text.equals("off")) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalTime.parse(text));
        } catch (DateTimeParseException e) {
            return reader.problem("alerts.daily-summary-at", "must be a time of day in UTC like 08:00, or off",
                    Optional.empty());
        }
    }
}
