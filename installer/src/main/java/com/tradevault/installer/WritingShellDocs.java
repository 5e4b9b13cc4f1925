package com.tradevault.installer;

import com.tradevault.app.cli.Cli;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import picocli.AutoComplete;
import picocli.CommandLine;

/**
 * Build step: writes the bash completion script and the man page of the bundle from the
 * picocli model of the command line, so both always list exactly the commands the bundle has.
 * Arguments: the image's {@code share} folder and the bundle version.
 */
public final class WritingShellDocs {

    private WritingShellDocs() {
    }

    public static void main(String[] args) throws IOException {
        Path share = Path.of(args[0]);
        String version = args[1];
        CommandLine tradevault = new Cli(Map.of(), Clock.systemUTC()).commandLine();
        write(share.resolve("bash-completion/completions/tradevault"), AutoComplete.bash("tradevault", tradevault));
        String date = LocalDate.now(Clock.system(ZoneOffset.UTC)).toString();
        write(share.resolve("man/man1/tradevault.1"), new ManPage(tradevault.getCommandSpec(), version, date).render());
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
