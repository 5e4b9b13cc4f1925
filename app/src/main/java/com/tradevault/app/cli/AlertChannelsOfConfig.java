package com.tradevault.app.cli;

import com.tradevault.app.alerts.AlertChannel;
import com.tradevault.app.alerts.AlertSettings;
import com.tradevault.app.alerts.channels.Channels;
import com.tradevault.core.Outcome;
import com.tradevault.core.TradevaultException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * The configured alert channels for the commands that send without the
 * ledger ({@code alerts test}, {@code alerts notify-failure}): only the
 * {@code alerts} section is read, so they work when the ledger cannot be
 * opened (a wrong key) or the rest of the configuration is broken.
 */
final class AlertChannelsOfConfig {

    private AlertChannelsOfConfig() {
    }

    static AlertSettings settings(CommandContext context, CommonOptions common) {
        return AlertSettings.from(context.config(common));
    }

    /** Every configured channel; none is a configuration error (exit 2) naming the keys to set. */
    static List<AlertChannel> require(AlertSettings settings, CommandContext context) {
        List<AlertChannel> channels = Channels.from(settings, context.env());
        if (channels.isEmpty()) {
            throw new TradevaultException(Outcome.BAD_USAGE, "no alert channel is configured",
                    "set alerts.webhook.url, alerts.telegram.chat-id or alerts.email.to (see docs/alerts.md)");
        }
        return channels;
    }

    /** This machine's name, for the alert's title. */
    static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "this server";
        }
    }
}
