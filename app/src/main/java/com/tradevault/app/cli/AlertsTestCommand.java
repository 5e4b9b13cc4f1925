package com.tradevault.app.cli;

import com.tradevault.app.alerts.Alert;
import com.tradevault.app.alerts.AlertChannel;
import com.tradevault.app.alerts.ChannelFailure;
import com.tradevault.app.alerts.Conditions;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tradevault alerts test}: a test message through every configured channel, each result reported. */
@Command(name = "test", description = {"Send a test alert through every configured channel and report each result.",
        "Exit 0 only when every channel took it; needs no ledger."})
final class AlertsTestCommand implements Callable<Integer> {

    private final CommandContext context;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    AlertsTestCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        var channels = AlertChannelsOfConfig.require(AlertChannelsOfConfig.settings(context, common), context);
        Alert alert = Conditions.test(AlertChannelsOfConfig.host());
        PrintWriter out = spec.commandLine().getOut();
        int failed = 0;
        for (AlertChannel channel : channels) {
            try {
                channel.deliver(alert, context.clock().instant());
                out.println(channel.name() + ": delivered");
            } catch (ChannelFailure e) {
                out.println(channel.name() + ": FAILED: " + e.getMessage());
                failed++;
            }
        }
        out.flush();
        if (failed > 0) {
            spec.commandLine().getErr().println("error: " + failed + " of " + channels.size()
                    + " alert channel(s) did not take the test alert\nnext: fix what each FAILED line says,"
                    + " then run 'tradevault alerts test' again");
            return 1;
        }
        return 0;
    }
}
