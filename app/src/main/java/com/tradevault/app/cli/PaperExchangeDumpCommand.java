package com.tradevault.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tradevault paper-exchange dump}: every order, fill, balance and price of a running paper exchange. */
@Command(name = "dump", description = "Print every order, fill, balance and price of a running paper exchange.")
final class PaperExchangeDumpCommand implements Callable<Integer> {

    private final CommandContext context;

    @Mixin
    CommonOptions common;

    @Mixin
    PaperControlOptions target;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print JSON (orders and trades in Binance's format) for scripts.")
    boolean json;

    PaperExchangeDumpCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        JsonNode dump = target.control(context, common).dump();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(dump));
            return 0;
        }
        dump.get("prices").fields().forEachRemaining(e -> out.println("price    " + e.getKey() + " "
                + e.getValue().asText()));
        for (JsonNode b : dump.get("balances")) {
            out.println("balance  " + b.get("asset").asText() + " free " + b.get("free").asText() + " locked "
                    + b.get("locked").asText());
        }
        for (JsonNode o : dump.get("orders")) {
            out.println("order    " + o.get("orderId").asText() + " " + o.get("clientOrderId").asText() + " "
                    + o.get("symbol").asText() + " " + o.get("side").asText() + " " + o.get("type").asText() + " "
                    + o.get("status").asText() + " qty " + o.get("origQty").asText());
        }
        for (JsonNode t : dump.get("trades")) {
            out.println("fill     " + t.get("symbol").asText() + ":" + t.get("id").asText() + " order "
                    + t.get("orderId").asText() + " " + t.get("qty").asText() + " @ " + t.get("price").asText());
        }
        return 0;
    }
}
