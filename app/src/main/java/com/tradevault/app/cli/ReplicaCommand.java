package com.tradevault.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tradevault replica}: look at the continuous replica. */
@Command(name = "replica", description = "Look at the continuous replica (see 'tradevault replicate').",
        subcommands = {ReplicaStatusCommand.class})
final class ReplicaCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
