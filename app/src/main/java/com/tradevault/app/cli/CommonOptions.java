package com.tradevault.app.cli;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Options every command takes. */
final class CommonOptions {

    @Option(names = "--config", paramLabel = "FILE",
            description = "Configuration file (default: $TRADEVAULT_CONFIG, else built-in defaults).")
    Path config;

    @Option(names = {"-v", "--verbose"}, description = "Log debug detail to stderr.")
    void verbose(boolean on) {
        if (on) {
            System.setProperty("org.slf4j.simpleLogger.log.com.tradevault", "debug");
        }
    }

    Optional<Path> configFile() {
        return Optional.ofNullable(config);
    }
}
