package com.tradevault.app.cli;

import com.tradevault.core.crypto.LedgerEncryption;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tradevault db encrypt}: encrypt a plaintext ledger in place. */
@Command(name = "encrypt", description = {
        "Encrypt a plaintext SQLite ledger under the configured key (one is generated if none is configured).",
        "The encrypted copy is verified before it replaces the plaintext file."})
final class DbEncryptCommand implements Callable<Integer> {

    private final CommandContext context;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    DbEncryptCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        var opening = context.databases(common);
        LedgerEncryption.Result result = new LedgerEncryption(opening, context.keys()).encrypt();
        PrintWriter out = spec.commandLine().getOut();
        String source = result.key().orElseThrow().source();
        if (result.generated()) {
            out.println("Generated a new database key in " + source + " (mode 0600).");
            out.println("Keep a copy of it somewhere safe, away from this server: without it the ledger is unreadable.");
        }
        out.println("Encrypted ledger " + opening.dialect().location() + " with the key from " + source
                + "; verified " + result.totalRows() + " rows in " + result.rows().size() + " tables.");
        out.println("Backups taken before now are still plaintext: take a new backup and delete the old ones.");
        return 0;
    }
}
