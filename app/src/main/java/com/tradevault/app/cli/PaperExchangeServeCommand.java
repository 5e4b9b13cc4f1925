package com.tradevault.app.cli;

import com.tradevault.app.exchange.ApiCredentials;
import com.tradevault.app.exchange.ExchangeSettings;
import com.tradevault.app.exchange.paper.PaperExchange;
import com.tradevault.app.exchange.paper.PaperSettings;
import com.tradevault.app.exchange.paper.server.PaperServer;
import com.tradevault.core.Outcome;
import com.tradevault.core.TradevaultException;
import com.tradevault.core.config.DbSettings;
import com.tradevault.core.config.Durations;
import com.tradevault.core.config.SettingsReader;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tradevault paper-exchange serve}: runs the paper exchange as a local
 * server speaking Binance Spot's REST API, ticking its price feed until stopped
 * (SIGTERM/Ctrl-C) so that stops fill while no bot is connected.
 */
@Command(name = "serve", description = "Serve the paper exchange over HTTP in Binance Spot's API until stopped.")
final class PaperExchangeServeCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(PaperExchangeServeCommand.class);

    private final CommandContext context;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", required = true, description = "TCP port (0: any free port).")
    int port;

    @Option(names = "--state", paramLabel = "FILE", description = "State file (default: paper.state-file).")
    Path state;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}; control endpoints are unauthenticated).")
    String host;

    @Option(names = "--for", paramLabel = "DURATION", description = "Stop after this long, e.g. 90s (default: until stopped).")
    String runFor;

    PaperExchangeServeCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) {
            throw new TradevaultException(Outcome.BAD_USAGE, "--port " + port + " is not a TCP port",
                    "give a port from 1 to 65535, or 0 for any free port");
        }
        Optional<Duration> limit = duration();
        SettingsReader reader = new SettingsReader(context.config(common));
        PaperSettings settings = PaperSettings.read(reader, DbSettings.read(reader).dataDir());
        ExchangeSettings exchangeSettings = ExchangeSettings.read(reader);
        reader.throwIfProblems();
        PaperSettings paper = state == null ? settings : settings.withStateFile(state);
        ApiCredentials account = ApiCredentials.require(context.env(), exchangeSettings.credentialsFile());
        PaperExchange exchange = PaperExchange.open(paper, context.clock());
        PaperServer server = start(exchange, account);
        exchange.onFill((order, trade) -> LOG.info("filled {} {} {} {} {} @ {} (order {}, fill {})", order.symbol(),
                order.clientOrderId(), order.side(), order.type(), trade.quantity().toPlainString(),
                trade.price().toPlainString(), order.exchangeOrderId(), trade.fillId()));
        exchange.startTicker();
        announce(server, paper, account);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> stop(server, exchange, stopped), "paper-exchange-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        if (limit.isPresent() && !stopped.await(limit.get().toMillis(), TimeUnit.MILLISECONDS)) {
            Runtime.getRuntime().removeShutdownHook(hook);
            stop(server, exchange, stopped);
        }
        stopped.await();
        return 0;
    }

    private PaperServer start(PaperExchange exchange, ApiCredentials account) {
        try {
            return PaperServer.start(exchange, account, context.clock(), new InetSocketAddress(host, port));
        } catch (RuntimeException e) {
            exchange.close();
            throw e;
        }
    }

    private void announce(PaperServer server, PaperSettings paper, ApiCredentials account) {
        PrintWriter out = spec.commandLine().getOut();
        out.println("paper exchange serving " + server.url());
        out.println("  state:    " + paper.stateFile());
        out.println("  symbols:  " + String.join(", ", paper.symbols()) + ", a tick every "
                + Durations.format(paper.feed().tickInterval()));
        out.println("  orders:   " + paper.venue().orderTypes().stream().map(Enum::name)
                .collect(java.util.stream.Collectors.joining(", ")) + "; trailing stops "
                + (paper.venue().allowTrailingStop() ? "on" : "off") + ", cancel-replace "
                + (paper.venue().cancelReplaceAllowed() ? "on" : "off"));
        out.println("  account:  API key from " + account.source());
        out.flush();
    }

    private static void stop(PaperServer server, PaperExchange exchange, CountDownLatch stopped) {
        server.close();
        exchange.close();
        stopped.countDown();
    }

    private Optional<Duration> duration() {
        if (runFor == null) {
            return Optional.empty();
        }
        return Optional.of(Durations.parse(runFor).filter(d -> !d.isZero()).orElseThrow(() -> new TradevaultException(
                Outcome.BAD_USAGE, "--for " + runFor + " is not a duration", "write it like 90s, 15m or 2h")));
    }
}
