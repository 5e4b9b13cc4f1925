package com.tradevault.app.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.tradevault.app.exchange.CredentialsRejected;
import com.tradevault.app.exchange.ExchangeException;
import com.tradevault.app.exchange.RequestWeight;
import com.tradevault.app.exchange.wiring.Exchanges;
import com.tradevault.core.Outcome;
import com.tradevault.core.TradevaultException;
import com.tradevault.core.config.SettingsReader;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tradevault exchange check}: a read-only preflight of the configured
 * exchange for every symbol of {@code bot.symbols}. Exit 0 when the bot can
 * trade each of them safely, 2 with the reasons when it cannot.
 */
@Command(name = "check", description = {
        "Read-only preflight before going live: for each of bot.symbols the order types the venue allows, the",
        "stop type the bot will use, filters, trailing and cancel-replace support; the account's right to trade,",
        "balances, clock offset and request weight used. Exit 0 when every symbol can be traded safely,",
        "2 with the reasons when not. Sends no order."})
final class ExchangeCheckCommand implements Callable<Integer> {

    private final CommandContext context;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print JSON for scripts.")
    boolean json;

    ExchangeCheckCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        SettingsReader reader = new SettingsReader(context.config(common));
        BotConfiguration config = BotConfiguration.read(reader);
        reader.throwIfProblems();
        ExchangeReadiness.Report report;
        try (Exchanges.Opened venue = Exchanges.fromSettings(config.exchange(), context.env(), context.clock())) {
            report = ExchangeReadiness.check(venue.exchange(), venue.description(), config.bot().symbols(),
                    config.bot().strategy(), config.exchange().exchange().recvWindow(), context.clock());
        } catch (CredentialsRejected e) {
            throw new TradevaultException(Outcome.BAD_USAGE, e.getMessage(), "fix the API key or secret, then run"
                    + " 'tradevault exchange check' again", e);
        } catch (ExchangeException e) {
            throw new TradevaultException(Outcome.FAILURE, "cannot check the exchange: " + e.getMessage(),
                    "check exchange.url / TRADEVAULT_EXCHANGE_URL and the network, then run 'tradevault exchange"
                    + " check' again", e);
        }
        print(report);
        return report.ready() ? 0 : Outcome.BAD_USAGE.exitCode();
    }

    private void print(ExchangeReadiness.Report r) {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(toJson(r));
        } else {
            text(r, out);
        }
        out.flush();
        PrintWriter err = spec.commandLine().getErr();
        r.problems().forEach(p -> err.println("error: " + p));
        if (!r.ready()) {
            err.println("next: fix the problems above, then run 'tradevault exchange check' again");
        }
        err.flush();
    }

    private static void text(ExchangeReadiness.Report r, PrintWriter out) {
        out.println("exchange:       " + r.exchange());
        out.println("account:        " + (r.canTrade() ? "may trade" : "may NOT trade (canTrade false)")
                + (r.permissions().isEmpty() ? "" : "; permissions " + String.join(", ", r.permissions())));
        out.println("balances:       " + (r.balances().isEmpty() ? "none" : r.balances().stream()
                .map(b -> b.asset() + " " + b.free() + " free, " + b.locked() + " locked")
                .collect(Collectors.joining("; "))));
        out.println("clock offset:   " + r.clockOffsetMillis() + " ms (exchange.recv-window " + r.recvWindowMillis()
                + " ms)");
        out.println("request weight: " + weight(r.requestWeight()));
        r.symbols().forEach(s -> symbol(s, out));
        out.println(r.ready() ? "ready: the bot can trade " + ExchangeReadiness.names(r.symbols()) + " safely"
                : "not ready: " + r.problems().size() + " problem(s)");
    }

    private static String weight(RequestWeight w) {
        if (w == null) {
            return "not counted by this exchange";
        }
        return w.used() + (w.limit() > 0 ? " of " + w.limit() : "") + " in the current " + w.window() + " window";
    }

    private static void symbol(ExchangeReadiness.SymbolCheck s, PrintWriter out) {
        if (s.tickSize() == null) {
            out.println(s.symbol() + ": not listed");
            return;
        }
        out.println(s.symbol() + ": stop " + (s.stopType() == null ? "NONE" : s.stopType()) + "; order types "
                + String.join(", ", s.orderTypes()));
        out.println("  tick " + s.tickSize() + ", step " + s.stepSize() + ", min quantity " + s.minQuantity()
                + ", min notional " + s.minNotional() + (s.sellPriceBand() == null ? ""
                : ", sell price band " + s.sellPriceBand() + " x average price"));
        out.println("  trailing stops: " + (s.trailingStops() ? "yes" : "no") + (s.trailingDelta() == null ? ""
                : " (TRAILING_DELTA " + s.trailingDelta() + " bips)") + "; cancel-replace: "
                + (s.cancelReplace() ? "yes" : "no") + "; stop moved by: " + s.trailedBy());
    }

    private static String toJson(ExchangeReadiness.Report r) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN).writeValueAsString(r);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the exchange check cannot be written as JSON", e);
        }
    }
}
