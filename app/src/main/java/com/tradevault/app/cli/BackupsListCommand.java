package com.tradevault.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.tradevault.backup.BackupCatalog;
import com.tradevault.backup.BackupEntry;
import com.tradevault.backup.BackupSettings;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tradevault backups list}: the backups in backup.dir, newest first; needs no key. */
@Command(name = "list", description = "List the backups in backup.dir, newest first (needs no key).")
final class BackupsListCommand implements Callable<Integer> {

    private final CommandContext context;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print JSON for scripts.")
    boolean json;

    BackupsListCommand(CommandContext context) {
        this.context = context;
    }

    /** One backup in {@code --json} output. */
    record Json(String file, String takenAt, long bytes) {
    }

    @Override
    public Integer call() throws Exception {
        BackupSettings settings = context.backupSettings(common);
        List<BackupEntry> entries = new BackupCatalog(settings.dir()).list();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(
                    entries.stream().map(e -> new Json(e.file().toString(), e.takenAt().toString(), e.bytes())).toList()));
            return 0;
        }
        if (entries.isEmpty()) {
            out.println("No backups in " + settings.dir() + ". Take one with 'tradevault backup'.");
            return 0;
        }
        out.println("Backups in " + settings.dir() + ", newest first:");
        out.println(String.format(Locale.ROOT, "  %-20s  %14s  %s", "TAKEN (UTC)", "BYTES", "FILE"));
        for (BackupEntry e : entries) {
            out.println(String.format(Locale.ROOT, "  %-20s  %14d  %s", e.takenAt(), e.bytes(), e.file().getFileName()));
        }
        return 0;
    }
}
