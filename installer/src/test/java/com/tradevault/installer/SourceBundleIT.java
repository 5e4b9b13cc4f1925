package com.tradevault.installer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The source bundle the seller ships, and its install command that builds first. */
class SourceBundleIT {

    @TempDir
    Path dir;

    @Test
    void sourceBundleHoldsNoBuildOutputAndItsChecksumsVerify() {
        Path archive = makeSourceBundle();
        String top = "tradevault-" + Bundle.VERSION + "-src/";
        List<String> entries = List.of(new Shell().run("tar", "-tzf", archive).output().split("\n"));
        assertTrue(entries.stream().allMatch(e -> e.startsWith(top)), entries.toString());
        assertFalse(entries.stream().anyMatch(e -> e.contains("/target/")), "no build output");
        for (String expected : new String[] {"pom.xml", "install.sh", "README.md", "installer/pom.xml",
                "installer/src/main/dist/install.sh", "SHA256SUMS", "docs/install.md"}) {
            assertTrue(entries.contains(top + expected), "source bundle lacks " + expected);
        }
        Shell.Result outer = new Shell().run("sh", "-c", "cd " + archive.getParent() + " && sha256sum -c "
                + archive.getFileName() + ".sha256");
        assertEquals(new Shell.Result(0, archive.getFileName() + ": OK\n"), outer);
        Path unpacked = unpack(archive);
        Shell.Result inner = new Shell().run("sh", "-c", "cd " + unpacked + " && sha256sum --quiet -c SHA256SUMS");
        assertEquals(new Shell.Result(0, ""), inner);
    }

    @Test
    void installWithoutImageSaysExactlyWhichBuildToolsAreMissing() throws IOException {
        Path unpacked = unpack(makeSourceBundle());
        Path bin = Files.createDirectories(dir.resolve("bin-without-jdk"));
        for (String tool : new String[] {"bash", "uname", "id", "dirname", "readlink", "sed", "cat"}) {
            Files.createSymbolicLink(bin.resolve(tool), Path.of("/usr/bin", tool));
        }

        Shell.Result r = new Shell().clean().env("PATH", bin.toString()).run(unpacked.resolve("install.sh"), "--root",
                dir.resolve("stage"));

        assertEquals(1, r.exitCode(), r.toString());
        assertEquals("No prebuilt image in " + unpacked.resolve("installer/target/tradevault")
                + ": building it from source first.\n"
                + "install.sh: error: cannot build the bundle; missing:\n"
                + "  - JDK 17: no javac on the PATH or in $JAVA_HOME (Debian/Ubuntu: apt-get install openjdk-17-jdk-headless)\n"
                + "  - Maven 3.8+: no mvn on the PATH (Debian/Ubuntu: apt-get install maven)\n"
                + "next: install what is listed above and run install.sh again (or unpack the prebuilt"
                + " tradevault-*-linux-x64.tar.gz)\n", r.output());
    }

    @Test
    void installFromSourceBuildsTheBundleAndInstallsIt() throws IOException {
        Path unpacked = unpack(makeSourceBundle());
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        StagingRoot stage = new StagingRoot(dir.resolve("stage"));

        Shell.Result r = new Shell().clean().env("PATH", StagingRoot.SBIN_PATH).env("HOME", System.getProperty("user.home"))
                .run(unpacked.resolve("install.sh"), "--root", stage.root);

        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.output().startsWith("No prebuilt image in " + unpacked.resolve("installer/target/tradevault")
                + ": building it from source first.\n"), r.toString());
        assertTrue(r.output().contains("tradevault " + Bundle.VERSION + " is installed.\n"), r.toString());
        stage.assertLink("/opt/tradevault/current", Bundle.VERSION);
        assertTrue(stage.exists("/var/lib/tradevault/tradevault.db"));
    }

    private Path makeSourceBundle() {
        Shell.Result r = new Shell().run(Bundle.SOURCE.resolve("installer/make-source-bundle.sh"));
        assertEquals(0, r.exitCode(), r.toString());
        Path archive = Bundle.SOURCE.resolve("installer/target/tradevault-" + Bundle.VERSION + "-src.tar.gz");
        assertTrue(r.output().startsWith(archive + "\n"), r.toString());
        return archive;
    }

    private Path unpack(Path archive) {
        assertEquals(0, new Shell().run("tar", "-C", dir, "-xzf", archive).exitCode());
        return dir.resolve("tradevault-" + Bundle.VERSION + "-src");
    }
}
