package com.tradevault.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tradevault paper-exchange}: the paper exchange as a server, and controls of a running one. */
@Command(name = "paper-exchange", description = "Serve the paper exchange over HTTP (Binance Spot API) and control it.",
        subcommands = {PaperExchangeServeCommand.class, PaperExchangeSetPriceCommand.class,
                PaperExchangeCancelOrdersCommand.class, PaperExchangeDumpCommand.class,
                PaperExchangeFaultCommand.class})
final class PaperExchangeCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
