package com.tradevault.installer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The image and its archive: size, content, running without Java on the host, AppCDS, docs. */
class BundleIT {

    private static final long MAX_ARCHIVE_BYTES = 40L * 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void archiveIsAtMost40MbAndHoldsTheTreeWithoutThePathBoundCdsArchive() throws IOException {
        assertTrue(Files.size(Bundle.ARCHIVE) <= MAX_ARCHIVE_BYTES, "archive is " + Files.size(Bundle.ARCHIVE) + " bytes");
        String top = "tradevault-" + Bundle.VERSION + "/";
        List<String> entries = List.of(new Shell().run("tar", "-tzf", Bundle.ARCHIVE).output().split("\n"));
        assertTrue(entries.stream().allMatch(e -> e.startsWith(top)), "one top folder " + top);
        for (String expected : new String[] {"install.sh", "uninstall.sh", "bin/tradevault", "runtime/bin/java",
                "lib/tradevault.jar", "lib/tradevault.classlist", "lib/native/libsqlitejdbc.so", "etc/tradevault.conf",
                "systemd/tradevault.service", "systemd/tradevault-backup.timer", "share/man/man1/tradevault.1",
                "share/bash-completion/completions/tradevault", "VERSION", "README.md", "docs/install.md"}) {
            assertTrue(entries.contains(top + expected), "archive lacks " + expected);
        }
        assertFalse(entries.contains(top + "lib/tradevault.jsa"), "the .jsa is only valid where it was made");
        assertFalse(entries.contains(top + "lib/tradevault.jsa.home"));
    }

    @Test
    void onlyTheLinuxX64SqliteLibraryIsShipped() throws IOException {
        try (Stream<Path> natives = Files.list(Bundle.IMAGE.resolve("lib/native"))) {
            assertEquals(List.of("libsqlitejdbc.so"), natives.map(p -> p.getFileName().toString()).toList());
        }
        assertTrue(new Shell().run("file", "-L", Bundle.IMAGE.resolve("lib/native/libsqlitejdbc.so")).output()
                .contains("ELF 64-bit LSB shared object, x86-64"));
        Path driver;
        try (Stream<Path> jars = Files.list(Bundle.IMAGE.resolve("lib"))) {
            driver = jars.filter(p -> p.getFileName().toString().startsWith("sqlite-jdbc-")).findFirst().orElseThrow();
        }
        assertFalse(new Shell().run("unzip", "-l", driver).output().contains("org/sqlite/native/"),
                "the driver jar carries no native libraries");
    }

    @Test
    void imageRunsWithNoJavaOnTheHostPath() throws IOException {
        // Only what the launcher itself calls; no java, no JAVA_HOME.
        Path bin = Files.createDirectories(dir.resolve("bin"));
        for (String tool : new String[] {"readlink", "dirname"}) {
            Files.createSymbolicLink(bin.resolve(tool), Path.of("/usr/bin", tool));
        }
        Shell noJava = new Shell().clean().env("PATH", bin.toString()).env("HOME", dir.toString())
                .env("TRADEVAULT_DATA_DIR", dir.resolve("data").toString());

        Shell.Result setup = noJava.run(Bundle.IMAGE.resolve("bin/tradevault"), "setup-db");
        assertEquals(0, setup.exitCode(), setup.toString());
        assertTrue(setup.output().matches("(?s).*\nMigrated ledger SQLite " + dir.resolve("data/tradevault.db")
                + " from v0 to v\\d+\n"), setup.toString());

        Shell.Result status = new Shell().clean().env("HOME", dir.toString())
                .env("TRADEVAULT_DATA_DIR", dir.resolve("data").toString())
                .run(Bundle.IMAGE.resolve("bin/tradevault"), "status");
        assertEquals(0, status.exitCode(), status.toString());
        assertTrue(status.output().matches("(?s).*\nschema: +v\\d+ \\(current\\)\n.*"), status.toString());
    }

    @Test
    void launcherLoadsTheApplicationFromTheAppCdsArchive() throws IOException {
        Path log = dir.resolve("classes.log");
        Shell.Result r = new Shell().clean().env("HOME", dir.toString())
                .env("JAVA_TOOL_OPTIONS", "-Xlog:class+load=info:file=" + log)
                .run(Bundle.IMAGE.resolve("bin/tradevault"), "--version");
        assertEquals(0, r.exitCode(), r.toString());
        List<String> loaded = Files.readAllLines(log);
        assertTrue(loaded.stream().anyMatch(l -> l.endsWith(" com.tradevault.app.cli.Main source: shared objects file")),
                "Main comes from the archive");
        long shared = loaded.stream().filter(l -> l.contains("source: shared objects file")).count();
        assertTrue(shared * 10 >= loaded.size() * 9, shared + " of " + loaded.size() + " classes from the archive");
    }

    @Test
    void launcherSaysSoWhenItsCdsArchiveWasMadeElsewhere() throws IOException {
        Path moved = dir.resolve("moved");
        assertEquals(0, new Shell().run("cp", "-a", Bundle.IMAGE, moved).exitCode());
        Shell.Result r = new Shell().clean().run(moved.resolve("bin/tradevault"), "--version");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.output().startsWith("tradevault: warning: the AppCDS archive was made for " + Bundle.IMAGE + ", not "
                + moved + ": starting slower. Remake it as root with: " + moved + "/libexec/make-cds-archive\n"),
                r.toString());
        assertEquals(0, new Shell().run(moved.resolve("libexec/make-cds-archive")).exitCode());
        assertEquals("tradevault " + Bundle.VERSION, new Shell().clean().run(moved.resolve("bin/tradevault"), "--version")
                .output().lines().findFirst().orElseThrow());
    }

    @Test
    void runtimeHoldsEveryModuleJdepsFindsAndNothingUnexplained() {
        Path jdeps = Path.of(System.getProperty("java.home"), "bin", "jdeps");
        Shell.Result deps = new Shell().run("sh", "-c", "cd " + Bundle.IMAGE.resolve("lib") + " && " + jdeps
                + " --multi-release 17 --ignore-missing-deps --print-module-deps --class-path '*' *.jar");
        assertEquals(0, deps.exitCode(), deps.toString());
        String last = deps.output().strip().lines().reduce((a, b) -> b).orElseThrow();
        Set<String> needed = new TreeSet<>(List.of(last.split(",")));
        needed.removeAll(ModuleChoices.LEFT_OUT.keySet());

        Set<String> image = new TreeSet<>(new Shell().run(Bundle.IMAGE.resolve("runtime/bin/java"), "--list-modules")
                .output().lines().map(l -> l.replaceAll("@.*", "")).toList());

        assertTrue(image.containsAll(needed), "jdeps needs " + needed + ", the image has " + image);
        Set<String> unexplained = new TreeSet<>(image);
        unexplained.removeAll(ModuleChoices.closure(needed));
        unexplained.removeAll(ModuleChoices.NOT_SEEN_BY_JDEPS.keySet());
        assertEquals(Set.of(), unexplained, "modules in the image that nothing needs");
    }

    @Test
    void manPageAndCompletionCoverEveryCommand() throws IOException {
        String help = new Shell().run(Bundle.IMAGE.resolve("bin/tradevault"), "--help").output();
        String commands = help.substring(help.indexOf("Commands:"));
        String man = Files.readString(Bundle.IMAGE.resolve("share/man/man1/tradevault.1"));
        Path completion = Bundle.IMAGE.resolve("share/bash-completion/completions/tradevault");
        String script = Files.readString(completion);
        commands.lines().filter(l -> l.matches("  [a-z][-a-z]*( .*)?")).map(l -> l.strip().split("\\s+")[0])
                .forEach(command -> {
                    assertTrue(man.contains("tradevault " + command.replace("-", "\\-")), "man page lacks " + command);
                    assertTrue(script.contains(command), "completion lacks " + command);
                });
        Shell.Result loaded = new Shell().run("bash", "-c", "source " + completion + " && complete -p tradevault");
        assertEquals(0, loaded.exitCode(), loaded.toString());
        Shell.Result rendered = new Shell().clean().env("MANWIDTH", "80")
                .run("man", "--warnings", "-l", Bundle.IMAGE.resolve("share/man/man1/tradevault.1"));
        assertEquals(0, rendered.exitCode(), rendered.toString());
        assertTrue(rendered.output().contains("EXIT STATUS"), rendered.toString());
    }
}
