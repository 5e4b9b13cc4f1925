package com.tradevault.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tradevault alerts}: try the channels, read the outbox, and the systemd failure alert. */
@Command(name = "alerts", description = "Test the alert channels, list the alert outbox, send the failure alert.",
        subcommands = {AlertsTestCommand.class, AlertsListCommand.class, AlertsNotifyFailureCommand.class})
final class AlertsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
