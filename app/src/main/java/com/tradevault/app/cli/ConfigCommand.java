package com.tradevault.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tradevault config}: look at and check the configuration. */
@Command(name = "config", description = "Show or check the effective configuration.",
        subcommands = {ConfigShowCommand.class, ConfigCheckCommand.class})
final class ConfigCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
