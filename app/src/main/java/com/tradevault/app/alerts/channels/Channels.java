package com.tradevault.app.alerts.channels;

import com.tradevault.app.alerts.AlertChannel;
import com.tradevault.app.alerts.AlertSettings;
import com.tradevault.app.alerts.Secret;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds the configured channels, reading their secrets (systemd credential
 * or file) once. The names of the credentials are public: a unit may load
 * {@value #WEBHOOK_SECRET}, {@value #TELEGRAM_TOKEN} and {@value #SMTP_PASSWORD}.
 */
public final class Channels {

    public static final String WEBHOOK_SECRET = "alert-webhook-secret";
    public static final String TELEGRAM_TOKEN = "alert-telegram-token";
    public static final String SMTP_PASSWORD = "alert-smtp-password";

    private Channels() {
    }

    /** Every configured channel, in the order webhook, telegram, email. */
    public static List<AlertChannel> from(AlertSettings settings, Map<String, String> env) {
        List<AlertChannel> channels = new ArrayList<>();
        settings.webhook().ifPresent(w -> channels.add(new WebhookChannel(w,
                Secret.read(env, WEBHOOK_SECRET, w.secretFile(), "alerts.webhook.secret-file"), settings.timeout())));
        settings.telegram().ifPresent(t -> channels.add(new TelegramChannel(t,
                Secret.read(env, TELEGRAM_TOKEN, t.botTokenFile(), "alerts.telegram.bot-token-file"),
                settings.timeout())));
        settings.email().ifPresent(e -> channels.add(new EmailChannel(e, e.passwordFile().map(f ->
                Secret.read(env, SMTP_PASSWORD, f, "alerts.email.password-file")), settings.timeout())));
        return List.copyOf(channels);
    }
}
