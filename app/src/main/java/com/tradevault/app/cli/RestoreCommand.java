package com.tradevault.app.cli;

import com.tradevault.backup.RestoringBackups;
import com.tradevault.core.Progress;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tradevault restore FILE}: put a verified backup in place of the ledger, keeping the current one aside. */
@Command(name = "restore", description = {
        "Restore the ledger from a backup. Refuses while the bot runs (exit 5). The backup is decrypted next to the",
        "ledger and verified first; only then is the current ledger set aside (tradevault.db.<UTC>.before-restore,",
        "with its -wal/-shm) and the restored one moved in. A bad backup leaves the current ledger untouched."})
final class RestoreCommand implements Callable<Integer> {

    private final CommandContext context;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "0..1", description = "The backup file (or use --from-replica).")
    Path file;

    @Option(names = "--from-replica", paramLabel = "URL", description = {"Rebuild the ledger from the continuous"
            + " replica at URL (replica.url, e.g. file:///mnt/offsite/tradevault) instead of a backup file."})
    String replica;

    @Option(names = "--at", paramLabel = "TIME", description = {"With --from-replica: the ledger as it was at TIME"
            + " (UTC, e.g. 2026-12-06T02:30:00Z) instead of the newest consistent point."})
    String at;

    @Option(names = "--to", paramLabel = "PATH", description = "Restore to this file instead of the configured ledger.")
    Path to;

    @Mixin
    BackupOpeningOptions opening;

    RestoreCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (replica != null || file == null || at != null) {
            return new RestoringFromReplica(context, common, spec).restore(file, replica, at, Optional.ofNullable(to));
        }
        var key = opening.key(context, common);
        Progress progress = ConsoleProgress.forTerminal();
        RestoringBackups.Report r = new RestoringBackups(context.databases(common), context.clock())
                .restore(file.toAbsolutePath(), key, Optional.ofNullable(to), progress);
        PrintWriter out = spec.commandLine().getOut();
        if (r.isDump()) {
            out.println("Wrote the verified PostgreSQL dump from " + file.toAbsolutePath() + " to " + r.restored() + ".");
            out.println("Load it into an EMPTY database: pg_restore --no-owner --dbname=postgresql://HOST/NAME "
                    + r.restored() + " (then 'tradevault setup-db' and 'tradevault integrity').");
            return 0;
        }
        out.println("Restored " + r.restored() + " from " + file.toAbsolutePath() + " (taken " + r.manifest().createdAt()
                + ", " + Sizes.rows(r.manifest().totalRows()) + " verified).");
        out.println(r.setAside().map(p -> "The previous ledger is kept as " + p + ".")
                .orElse("There was no ledger at " + r.restored() + " before."));
        r.schema().filter(v -> v.current() < v.latest()).ifPresent(v -> out.println("Its schema is v" + v.current()
                + "; run 'tradevault setup-db' to bring it to v" + v.latest() + " before starting the bot."));
        return 0;
    }
}
