package com.tradevault.app.cli;

import com.tradevault.backup.Manifest;
import com.tradevault.backup.VerifyingBackups;
import com.tradevault.core.Progress;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tradevault backups verify FILE}: decrypt and check one backup end to end, without touching the ledger. */
@Command(name = "verify", description = {
        "Decrypt a backup and check it end to end: integrity protection, checksum, and for SQLite the",
        "snapshot's integrity check, row counts and schema version. The ledger is not touched.",
        "Exit 3: damaged or truncated; 4: wrong passphrase or key."})
final class BackupsVerifyCommand implements Callable<Integer> {

    private final CommandContext context;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The backup file.")
    Path file;

    @Mixin
    BackupOpeningOptions opening;

    BackupsVerifyCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        var key = opening.key(context, common);
        Progress progress = ConsoleProgress.forTerminal();
        VerifyingBackups.Report r = new VerifyingBackups(context.databases(common))
                .verify(file.toAbsolutePath(), key, progress);
        Manifest m = r.manifest();
        PrintWriter out = spec.commandLine().getOut();
        out.println("ok: " + file.toAbsolutePath());
        out.println("  taken:     " + m.createdAt() + " on " + m.host() + " by tradevault " + m.bundleVersion()
                + ", from " + m.source());
        out.println("  decrypted: with " + key.source() + "; integrity protection (MDC) and SHA-256 match");
        out.println("  snapshot:  " + (r.snapshotOpened() ? "integrity_check ok, " + Sizes.rows(m.totalRows())
                + " as in the manifest, schema v" + r.schemaVersion()
                : m.backend() + " dump, " + Sizes.rows(m.totalRows()) + " at dump time (load it to count them)"));
        return 0;
    }
}
