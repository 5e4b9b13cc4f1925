package com.tradevault.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tradevault db}: encryption of the SQLite ledger, and compaction of its history. */
@Command(name = "db", description = "Encrypt, re-key or export a plaintext copy of the SQLite ledger; compact its history.",
        subcommands = {DbEncryptCommand.class, DbRekeyCommand.class, DbDecryptCommand.class,
                DbCompactCommand.class})
final class DbCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
