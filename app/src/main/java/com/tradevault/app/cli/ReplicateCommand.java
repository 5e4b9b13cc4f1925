package com.tradevault.app.cli;

import com.tradevault.backup.BackupProblem;
import com.tradevault.backup.replica.ReplicaSession;
import com.tradevault.backup.replica.ReplicaSettings;
import com.tradevault.backup.replica.ReplicaStore;
import com.tradevault.backup.replica.ReplicaStores;
import com.tradevault.backup.replica.Replicating;
import com.tradevault.core.Outcome;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tradevault replicate}: ship the encrypted ledger's WAL to {@code replica.url}, continuously. */
@Command(name = "replicate", description = {
        "Ship the SQLite ledger's committed WAL frames to replica.url as they are committed (every 200 ms),",
        "still encrypted, as authenticated numbered segments, with a fresh snapshot every replica.snapshot-interval.",
        "Runs until stopped (tradevault-replicate.service); each start begins a new generation. Never blocks the bot;",
        "while the replica cannot be written (network cut, full disk) it says so once, retries and catches up."})
final class ReplicateCommand implements Callable<Integer> {

    static final Duration POLL = Duration.ofMillis(200);

    private final CommandContext context;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    ReplicateCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        ReplicaSettings settings = context.replicaSettings(common);
        ReplicaStore store = ReplicaStores.at(settings.url().orElseThrow(ReplicateCommand::noUrl), settings.sftp());
        Replicating replicating = new Replicating(context.databases(common), settings, store, context.clock());
        PrintWriter out = spec.commandLine().getOut();
        try (store; ReplicaSession session = replicating.start()) {
            out.println("Replicating to " + store.location() + ", generation " + session.generation()
                    + " (snapshot shipped). Stop with Ctrl-C or systemctl stop tradevault-replicate.");
            new Retrying(store.location(), spec.commandLine().getErr(), context.clock()).loop(session::cycle, POLL);
        }
        return 0;
    }

    static BackupProblem noUrl() {
        return new BackupProblem(Outcome.BAD_USAGE, "replica.url is not set", "set it in the configuration file to a"
                + " folder, e.g. replica.url = \"file:///mnt/offsite/tradevault\", or an SFTP server, e.g."
                + " replica.url = \"sftp://tradevault@backup.example.org:22/srv/tradevault-replica\""
                + " (docs/backup-restore.md)");
    }
}
