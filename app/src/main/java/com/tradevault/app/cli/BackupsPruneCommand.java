package com.tradevault.app.cli;

import com.tradevault.backup.BackupCatalog;
import com.tradevault.backup.BackupEntry;
import com.tradevault.backup.BackupSettings;
import com.tradevault.backup.Retention;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tradevault backups prune}: apply backup.retention to backup.dir. */
@Command(name = "prune", description = {
        "Delete the backups in backup.dir that backup.retention does not keep: the newest keep-last, the newest",
        "of each of the last keep-daily days and keep-weekly ISO weeks that have backups (UTC)."})
final class BackupsPruneCommand implements Callable<Integer> {

    private final CommandContext context;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--dry-run", description = "Only say what would be deleted.")
    boolean dryRun;

    BackupsPruneCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        BackupSettings settings = context.backupSettings(common);
        Retention r = settings.retention();
        Retention.Plan plan = new BackupCatalog(settings.dir()).prune(r, dryRun);
        PrintWriter out = spec.commandLine().getOut();
        for (BackupEntry e : plan.delete()) {
            out.println((dryRun ? "would delete " : "deleted ") + e.file());
        }
        out.println((dryRun ? "Dry run: would keep " : "Kept ") + plan.keep().size() + " and "
                + (dryRun ? "delete " : "deleted ") + plan.delete().size() + " backup(s) in " + settings.dir()
                + " (keep-last " + r.keepLast() + ", keep-daily " + r.keepDaily() + ", keep-weekly " + r.keepWeekly() + ").");
        return 0;
    }
}
