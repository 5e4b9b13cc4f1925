package com.tradevault.app.cli;

import com.tradevault.app.alerts.Alert;
import com.tradevault.app.alerts.AlertChannel;
import com.tradevault.app.alerts.AlertSettings;
import com.tradevault.app.alerts.ChannelFailure;
import com.tradevault.app.alerts.UnitFailure;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tradevault alerts notify-failure UNIT}: run by
 * {@code tradevault-alert@.service}, which {@code tradevault.service} names in
 * {@code OnFailure=}: tells the owner that systemd gave up on the unit. It
 * never opens the ledger (the failure may be a wrong key), so it sends directly,
 * retrying each channel with backoff for a bounded time. What systemd passes in
 * {@code MONITOR_*} says what failed ({@link UnitFailure}).
 */
@Command(name = "notify-failure", description = {"Alert the owner that a systemd unit failed (run by"
        + " tradevault-alert@.service from OnFailure=).", "Needs no ledger: it works when the key is wrong."})
final class AlertsNotifyFailureCommand implements Callable<Integer> {

    /** How many times a channel is tried before the command gives up on it. */
    static final int ATTEMPTS = 5;

    private final CommandContext context;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "UNIT", description = "The unit that failed, as systemd names it (%%i in the unit).")
    String unit;

    AlertsNotifyFailureCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws InterruptedException {
        AlertSettings settings = AlertChannelsOfConfig.settings(context, common);
        List<AlertChannel> channels = AlertChannelsOfConfig.require(settings, context);
        Alert alert = UnitFailure.fromEnvironment(context.env()).alert(unit, AlertChannelsOfConfig.host());
        PrintWriter out = spec.commandLine().getOut();
        List<String> failed = new ArrayList<>();
        for (AlertChannel channel : channels) {
            String result = sendWithRetries(channel, alert, settings.retryBackoff(), settings.maxBackoff());
            out.println(channel.name() + ": " + result);
            if (!result.equals("delivered")) {
                failed.add(channel.name());
            }
        }
        out.flush();
        if (!failed.isEmpty()) {
            spec.commandLine().getErr().println("error: the failure alert for " + unit + " did not reach "
                    + String.join(", ", failed) + "\nnext: run 'tradevault alerts test' and fix the channel;"
                    + " 'journalctl -u " + unit + "' shows why the unit failed");
            return 1;
        }
        return 0;
    }

    private String sendWithRetries(AlertChannel channel, Alert alert, Duration first, Duration max)
            throws InterruptedException {
        Duration wait = first;
        String last = "";
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                channel.deliver(alert, context.clock().instant());
                return "delivered";
            } catch (ChannelFailure e) {
                last = e.getMessage();
                if (attempt < ATTEMPTS) {
                    Thread.sleep(wait.toMillis());
                    wait = wait.multipliedBy(2).compareTo(max) > 0 ? max : wait.multipliedBy(2);
                }
            }
        }
        return "FAILED after " + ATTEMPTS + " attempts: " + last;
    }
}
