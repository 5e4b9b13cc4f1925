package com.tradevault.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tradevault exchange}: look at the configured exchange before trading on it. */
@Command(name = "exchange", description = "Check the configured exchange and account before going live.",
        subcommands = {ExchangeCheckCommand.class})
final class ExchangeCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
