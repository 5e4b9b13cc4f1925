package com.tradevault.app.cli;

import com.tradevault.app.dashboard.Assets;
import com.tradevault.app.dashboard.DashboardServer;
import com.tradevault.app.dashboard.DashboardSettings;
import com.tradevault.app.dashboard.DashboardToken;
import com.tradevault.core.Outcome;
import com.tradevault.core.TradevaultException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tradevault dashboard}: the read-only web dashboard, in its own
 * process so that nothing in it can touch trading. Its first line is the
 * address that opens it with the token; under systemd, whose output goes to
 * the journal, the address is printed without the token.
 */
@Command(name = "dashboard", description = {"Serve the read-only web dashboard (equity, positions and their stops,",
        "orders, fills, decisions, reconciliations, alerts, backups, health) until stopped.",
        "The first line printed is the address that opens it, with its token."})
final class DashboardCommand implements Callable<Integer> {

    private final CommandContext context;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--listen", paramLabel = "HOST:PORT",
            description = "Address to listen on (default: dashboard.listen, " + DashboardSettings.DEFAULT_LISTEN + ").")
    String listen;

    DashboardCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws InterruptedException {
        try (DashboardWiring wiring = DashboardWiring.open(context, common, Optional.ofNullable(listen))) {
            DashboardToken token = DashboardToken.loadOrCreate(wiring.config().db().dataDir());
            try (DashboardServer server = start(wiring, token)) {
                announce(wiring.settings(), server.port(), token, wiring.config().db().dataDir());
                CountDownLatch stopped = new CountDownLatch(1);
                Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "dashboard-stop"));
                stopped.await();
            }
        }
        return 0;
    }

    private static DashboardServer start(DashboardWiring wiring, DashboardToken token) {
        DashboardSettings s = wiring.settings();
        try {
            return DashboardServer.start(s, token, wiring.data(), Assets.load());
        } catch (IOException e) {
            throw new TradevaultException(Outcome.FAILURE, "the dashboard cannot listen on " + s.host() + ":"
                    + s.port() + ": " + e.getMessage(), "pick a free address with --listen HOST:PORT or"
                    + " dashboard.listen (is another dashboard running?)", e);
        }
    }

    /** The address first: with the token on a terminal, without it where output is kept in a journal. */
    private void announce(DashboardSettings s, int port, DashboardToken token, Path dataDir) {
        PrintWriter out = spec.commandLine().getOut();
        String base = new DashboardSettings(s.host(), port, s.remote(), s.tls(), s.refresh()).baseUrl() + "/";
        Path file = dataDir.resolve(DashboardToken.FILE_NAME).toAbsolutePath();
        if (underSystemd()) {
            out.println(base + " (open it with ?token= and the token in " + file + ")");
        } else {
            out.println(base + "?token=" + token.reveal());
            out.println("dashboard: read-only, listening on " + s.host() + ":" + port + "; the token is kept in "
                    + file + " (delete it and restart to issue a new one)");
        }
        if (!s.remote()) {
            out.println("from your laptop: ssh -N -L " + port + ":" + s.host() + ":" + port + " USER@SERVER, then"
                    + " open the address above");
        }
        out.flush();
    }

    /** Output that systemd keeps in the journal must not carry the token. */
    private boolean underSystemd() {
        return context.env().containsKey("INVOCATION_ID") || context.env().containsKey("JOURNAL_STREAM");
    }
}
