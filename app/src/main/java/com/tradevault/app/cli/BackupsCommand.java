package com.tradevault.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tradevault backups}: look after the backups already taken. */
@Command(name = "backups", description = "List, verify and prune the backups.",
        subcommands = {BackupsListCommand.class, BackupsVerifyCommand.class, BackupsPruneCommand.class})
final class BackupsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
