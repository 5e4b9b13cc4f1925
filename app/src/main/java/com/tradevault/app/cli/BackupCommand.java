package com.tradevault.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.tradevault.backup.BackupCatalog;
import com.tradevault.backup.BackupEntry;
import com.tradevault.backup.BackupKeys;
import com.tradevault.backup.BackupSettings;
import com.tradevault.backup.Manifest;
import com.tradevault.backup.Retention;
import com.tradevault.backup.TakingBackups;
import com.tradevault.core.Progress;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tradevault backup}: one hot, encrypted, verified backup; safe to run from a timer while the bot runs. */
@Command(name = "backup", description = {
        "Take an encrypted, verified backup of the ledger while the bot keeps running.",
        "Into backup.dir (then old backups are pruned by backup.retention), or into --dest."})
final class BackupCommand implements Callable<Integer> {

    private final CommandContext context;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--dest", paramLabel = "DIR", description = "Folder to write the backup to (default: backup.dir); no pruning there.")
    Path dest;

    @Option(names = "--json", description = "Print JSON for scripts.")
    boolean json;

    BackupCommand(CommandContext context) {
        this.context = context;
    }

    /**
     * What {@code backup --json} prints.
     *
     * @param file             the backup file
     * @param bytes            its size
     * @param verifiedEndToEnd whether it was decrypted and checked after writing
     * @param tookMillis       how long it took
     * @param manifest         what it holds
     * @param pruned           backups deleted by the retention afterwards
     */
    record Json(String file, long bytes, boolean verifiedEndToEnd, long tookMillis, Manifest manifest, List<String> pruned) {
    }

    @Override
    public Integer call() throws Exception {
        BackupSettings settings = context.backupSettings(common);
        BackupKeys keys = context.backupKeys(settings);
        Progress progress = json ? Progress.NONE : ConsoleProgress.forTerminal();
        TakingBackups.Report report = new TakingBackups(context.databases(common), settings, keys, context.clock(),
                VersionProvider.version()).take(Optional.ofNullable(dest).map(Path::toAbsolutePath), progress);
        List<BackupEntry> pruned = dest == null
                ? new BackupCatalog(settings.dir()).prune(settings.retention(), false).delete() : List.of();
        if (json) {
            spec.commandLine().getOut().println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(new Json(report.file().toString(), report.bytes(), report.verifiedEndToEnd(),
                            report.took().toMillis(), report.manifest(), pruned.stream().map(e -> e.file().toString()).toList())));
            return 0;
        }
        print(report, keys, pruned, dest == null ? Optional.of(settings.retention()) : Optional.empty());
        return 0;
    }

    private void print(TakingBackups.Report r, BackupKeys keys, List<BackupEntry> pruned, Optional<Retention> retention) {
        PrintWriter out = spec.commandLine().getOut();
        Manifest m = r.manifest();
        out.println("Backup written: " + r.file() + " (" + Sizes.human(r.bytes()) + ")");
        out.println("  ledger:    " + m.source() + " (" + m.backend() + ", schema v" + m.schemaVersion() + ", "
                + Sizes.rows(m.totalRows()) + ")");
        out.println("  encrypted: OpenPGP AES-256 with MDC, " + (keys.publicKeyMode()
                ? "to the public key in backup.recipient-key-file" : "passphrase from " + keys.passphraseFile()));
        out.println("  verified:  " + (r.verifiedEndToEnd()
                ? "snapshot checked (integrity, row counts), then the file decrypted and checked end to end"
                : "snapshot checked (integrity, row counts); not decrypted here (public-key mode): run 'tradevault"
                + " backups verify FILE --private-key-file KEY' where the private key is"));
        out.println(String.format(java.util.Locale.ROOT, "  took:      %.1f s", r.took().toMillis() / 1000.0));
        retention.ifPresent(ret -> out.println("Retention (last " + ret.keepLast() + ", daily " + ret.keepDaily()
                + ", weekly " + ret.keepWeekly() + "): deleted " + pruned.size() + " old backup(s)."));
        r.generatedPassphrase().ifPresent(p -> out.println("Generated the backup passphrase in " + p + ". Keep a copy"
                + " OFF this server (password manager): without it these backups cannot be read."));
    }
}
