package com.tradevault.app.cli;

import com.tradevault.core.crypto.LedgerEncryption;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tradevault db rekey}: re-encrypt the ledger under a new key. */
@Command(name = "rekey", description = {
        "Re-encrypt the ledger under the key in a new key file (64 hex digits or a passphrase, mode 0600).",
        "The re-encrypted copy is verified before it replaces the ledger."})
final class DbRekeyCommand implements Callable<Integer> {

    private final CommandContext context;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--new-key-file", required = true, paramLabel = "FILE", description = "File holding the new key.")
    Path newKeyFile;

    DbRekeyCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        var opening = context.databases(common);
        LedgerEncryption.Result result = new LedgerEncryption(opening, context.keys()).rekey(newKeyFile.toAbsolutePath());
        PrintWriter out = spec.commandLine().getOut();
        out.println("Re-keyed ledger " + opening.dialect().location() + "; verified " + result.totalRows()
                + " rows in " + result.rows().size() + " tables.");
        out.println("Now point the key source at the new key: TRADEVAULT_DB_KEY_FILE or db.key-file = "
                + newKeyFile.toAbsolutePath() + " (or replace the systemd credential db-key).");
        out.println("The old key no longer opens the ledger; keep it as long as you keep backups taken with it.");
        return 0;
    }
}
