package com.tradevault.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tradevault paper-exchange set-price}: moves a running paper exchange's price; orders it reaches fill. */
@Command(name = "set-price", description = "Set a symbol's price on a running paper exchange; orders it reaches fill.")
final class PaperExchangeSetPriceCommand implements Callable<Integer> {

    private final CommandContext context;

    @Mixin
    CommonOptions common;

    @Mixin
    PaperControlOptions target;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SYMBOL", description = "e.g. BTCUSDT")
    String symbol;

    @Parameters(index = "1", paramLabel = "PRICE", description = "e.g. 29500.5 (rounded down to the tick size)")
    String price;

    PaperExchangeSetPriceCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        JsonNode answer = target.control(context, common).setPrice(symbol, price);
        spec.commandLine().getOut().println(answer.get("symbol").asText() + " price set to "
                + answer.get("price").asText());
        return 0;
    }
}
