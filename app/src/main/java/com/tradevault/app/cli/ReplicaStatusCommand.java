package com.tradevault.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.tradevault.backup.replica.ReplicaSettings;
import com.tradevault.backup.replica.ReplicaStatus;
import com.tradevault.backup.replica.ReplicaStores;
import com.tradevault.backup.replica.Replicating;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tradevault replica status}: how far the replica is behind; exit 1 over {@code replica.max-lag}. */
@Command(name = "status", description = {"Lag of the replica in seconds and bytes, its last segment and snapshot.",
        "Exits 1 when the lag is over replica.max-lag (for monitoring); needs no key."})
final class ReplicaStatusCommand implements Callable<Integer> {

    private final CommandContext context;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print JSON for scripts.")
    boolean json;

    ReplicaStatusCommand(CommandContext context) {
        this.context = context;
    }

    /** The {@code --json} output. */
    record Json(String replica, String generation, long lastSegment, String lastShipped, String lastSnapshot,
                long lagBytes, long lagSeconds, long maxLagSeconds, boolean overMaxLag) {
    }

    @Override
    public Integer call() throws Exception {
        ReplicaSettings settings = context.replicaSettings(common);
        var store = ReplicaStores.at(settings.url().orElseThrow(ReplicateCommand::noUrl), settings.sftp());
        Path ledger = context.databases(common).dialect().file().orElseThrow(Replicating::postgres);
        ReplicaStatus s = ReplicaStatus.of(store, ledger, context.clock());
        boolean over = s.lagSeconds() > settings.maxLag().toSeconds();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(new Json(
                    store.location(), s.generation(), s.lastSegment(), s.lastShipped().toString(),
                    s.lastSnapshot().toString(), s.lagBytes(), s.lagSeconds(), settings.maxLag().toSeconds(), over)));
        } else {
            out.println("Replica " + store.location() + ", generation " + s.generation());
            out.println("  lag: " + s.lagSeconds() + " s, " + s.lagBytes() + " bytes" + (over ? " (over replica.max-lag "
                    + settings.maxLag().toSeconds() + " s: is 'tradevault replicate' running?)" : ""));
            out.println("  last segment: " + s.lastSegment() + " (position recorded " + s.lastShipped() + ")");
            out.println("  last snapshot: " + s.lastSnapshot());
        }
        return over ? 1 : 0;
    }
}
