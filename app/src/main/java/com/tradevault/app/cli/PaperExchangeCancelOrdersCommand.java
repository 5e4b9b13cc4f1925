package com.tradevault.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tradevault paper-exchange cancel-orders}: cancels open orders as a venue does during maintenance. */
@Command(name = "cancel-orders", description = "Cancel open orders on a running paper exchange, as a venue does"
        + " during maintenance.")
final class PaperExchangeCancelOrdersCommand implements Callable<Integer> {

    private final CommandContext context;

    @Mixin
    CommonOptions common;

    @Mixin
    PaperControlOptions target;

    @Spec
    CommandSpec spec;

    @Option(names = "--symbol", paramLabel = "SYMBOL", description = "Only this symbol's orders (default: all).")
    String symbol;

    PaperExchangeCancelOrdersCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        JsonNode cancelled = target.control(context, common).cancelOrders(Optional.ofNullable(symbol));
        PrintWriter out = spec.commandLine().getOut();
        out.println("cancelled " + cancelled.size() + " open order" + (cancelled.size() == 1 ? "" : "s"));
        for (JsonNode o : cancelled) {
            out.println("  " + o.get("symbol").asText() + " " + o.get("clientOrderId").asText() + " "
                    + o.get("side").asText() + " " + o.get("type").asText() + " " + o.get("origQty").asText());
        }
        return 0;
    }
}
