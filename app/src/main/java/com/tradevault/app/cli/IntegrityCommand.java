package com.tradevault.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.tradevault.app.ledger.jdbc.LedgerInvariants;
import com.tradevault.backup.BackupCatalog;
import com.tradevault.backup.BackupEntry;
import com.tradevault.backup.BackupSettings;
import com.tradevault.backup.CheckingIntegrity;
import com.tradevault.core.Outcome;
import com.tradevault.core.Progress;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tradevault integrity}: one verdict per check; exit 3 when any finds a problem. */
@Command(name = "integrity", description = {
        "Check the ledger: integrity_check (or quick_check), foreign keys, a full read that authenticates every page",
        "of an encrypted file, and the ledger's invariants. One verdict line per check; exit 0 clean, 3 otherwise.",
        "Safe while the bot runs."})
final class IntegrityCommand implements Callable<Integer> {

    private final CommandContext context;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--quick", description = "quick_check instead of integrity_check (skips index contents).")
    boolean quick;

    @Option(names = "--json", description = "Print JSON for scripts.")
    boolean json;

    IntegrityCommand(CommandContext context) {
        this.context = context;
    }

    /** What {@code --json} prints. */
    record Json(String ledger, boolean clean, List<CheckingIntegrity.Verdict> checks) {
    }

    @Override
    public Integer call() throws Exception {
        CheckingIntegrity.Report report;
        Progress progress = json ? Progress.NONE : ConsoleProgress.forTerminal();
        progress.start("checking");
        try {
            report = new CheckingIntegrity(context.databases(common), new LedgerInvariants()).check(quick);
        } finally {
            progress.done();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(new Json(report.ledger(), report.clean(), report.verdicts())));
        } else {
            out.println("Checking " + report.ledger());
            report.verdicts().forEach(v -> out.println(String.format(Locale.ROOT, "  %-8s %s: %s",
                    v.status().name().toLowerCase(Locale.ROOT), v.check(), v.detail())));
        }
        out.flush();
        if (!report.clean()) {
            throw new ProblemAfterReport(Outcome.INTEGRITY_PROBLEM, "the ledger " + report.ledger()
                    + " has problems (see the checks above)", nextStep());
        }
        return 0;
    }

    private String nextStep() {
        BackupSettings settings = context.backupSettings(common);
        List<BackupEntry> backups = new BackupCatalog(settings.dir()).list();
        if (backups.isEmpty()) {
            return "stop the bot and copy the ledger files somewhere safe first; there are no backups in " + settings.dir()
                    + "; see docs/backup-restore.md";
        }
        String newest = backups.get(0).file().toString();
        return "stop the bot, then check and restore the newest backup: tradevault backups verify " + newest
                + " && tradevault restore " + newest + " (docs/backup-restore.md)";
    }
}
