package com.tradevault.app.cli;

import com.tradevault.backup.BackupProblem;
import com.tradevault.backup.replica.ReplicaStores;
import com.tradevault.backup.replica.RestoringReplica;
import com.tradevault.core.Outcome;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tradevault restore --from-replica URL [--at TIME]}: the replica's half of the restore command. */
final class RestoringFromReplica {

    private final CommandContext context;
    private final CommonOptions common;
    private final CommandSpec spec;

    RestoringFromReplica(CommandContext context, CommonOptions common, CommandSpec spec) {
        this.context = context;
        this.common = common;
        this.spec = spec;
    }

    int restore(Path file, String url, String at, Optional<Path> to) {
        if (file != null || url == null) {
            throw new BackupProblem(Outcome.BAD_USAGE, file == null ? "restore needs a backup FILE or --from-replica URL"
                    : url == null ? "--at works only with --from-replica URL"
                    : "give either a backup FILE or --from-replica URL, not both",
                    "e.g. 'tradevault restore /var/backups/tradevault/FILE' or 'tradevault restore --from-replica"
                            + " file:///mnt/offsite/tradevault' (docs/backup-restore.md)");
        }
        RestoringReplica.Report r = new RestoringReplica(context.databases(common), context.clock())
                .restore(ReplicaStores.at(url, context.replicaSettings(common).sftp()), time(at), to);
        PrintWriter out = spec.commandLine().getOut();
        out.println("Restored " + r.restored() + " from the replica " + url + " as of " + r.point() + " ("
                + r.segments() + " segments replayed on the snapshot, every one authenticated; integrity check passed, "
                + Sizes.rows(r.rows()) + ").");
        out.println(r.setAside().map(p -> "The previous ledger is kept as " + p + ".")
                .orElse("There was no ledger at " + r.restored() + " before."));
        out.println("Start the bot: its startup reconciliation takes anything newer from the exchange.");
        return 0;
    }

    private static Optional<Instant> time(String at) {
        if (at == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(at.trim()));
        } catch (DateTimeParseException e) {
            throw new BackupProblem(Outcome.BAD_USAGE, "--at '" + at + "' is not a UTC time",
                    "write it as 2026-12-06T02:30:00Z");
        }
    }
}
