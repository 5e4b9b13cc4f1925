package com.tradevault.app.cli;

import com.tradevault.core.crypto.LedgerEncryption;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tradevault db decrypt}: a plaintext copy of the ledger, for support. */
@Command(name = "decrypt", description = {
        "Write a verified plaintext copy of the ledger (mode 0600) for support; the ledger stays encrypted.",
        "Refuses to overwrite an existing file."})
final class DbDecryptCommand implements Callable<Integer> {

    private final CommandContext context;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the plaintext copy.")
    Path out;

    DbDecryptCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        var opening = context.databases(common);
        LedgerEncryption.Result result = new LedgerEncryption(opening, context.keys()).decrypt(out.toAbsolutePath());
        spec.commandLine().getOut().println("Wrote a plaintext copy of " + opening.dialect().location() + " to "
                + out.toAbsolutePath() + " (" + result.totalRows() + " rows verified).");
        spec.commandLine().getOut().println("It is NOT encrypted: delete it as soon as support is done.");
        return 0;
    }
}
