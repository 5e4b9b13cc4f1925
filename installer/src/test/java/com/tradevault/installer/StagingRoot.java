package com.tradevault.installer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/** A staging root that install.sh --root installs into, with checks of what it finds there. */
final class StagingRoot {

    static final String SBIN_PATH = "/usr/sbin:/usr/bin:/sbin:/bin";

    final Path root;

    StagingRoot(Path root) {
        this.root = root;
        try {
            // Like "/", the root must let the service user through (JUnit's temp folders are 0700).
            Files.createDirectories(root);
            Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the bundle's install.sh into this root, as sudo would: root, a plain PATH, no Java settings. */
    Shell.Result install(String... options) {
        return script(Bundle.install(), options);
    }

    Shell.Result uninstall(String... options) {
        return script(Bundle.uninstall(), options);
    }

    Shell.Result script(Path script, String... options) {
        List<Object> args = new ArrayList<>(List.of(script, "--root", root));
        args.addAll(List.of(options));
        return new Shell().clean().env("PATH", SBIN_PATH).run(args.toArray());
    }

    Path path(String absolute) {
        return root.resolve(absolute.substring(1));
    }

    String read(String absolute) {
        try {
            return Files.readString(path(absolute), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The service user's uid and gid in the staged /etc/passwd. */
    int[] serviceUser() {
        for (String line : read("/etc/passwd").split("\n")) {
            String[] f = line.split(":");
            if (f[0].equals("tradevault")) {
                return new int[] {Integer.parseInt(f[2]), Integer.parseInt(f[3])};
            }
        }
        throw new AssertionError("no user tradevault in " + path("/etc/passwd"));
    }

    /** Asserts a file or folder's permissions (as ls shows them, e.g. "rw-r-----") and owner. */
    void assertEntry(String absolute, String mode, int uid, int gid) {
        Path p = path(absolute);
        assertTrue(Files.exists(p, LinkOption.NOFOLLOW_LINKS), absolute + " is missing");
        try {
            assertEquals(mode, PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS)),
                    "mode of " + absolute);
            assertEquals(uid, Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS), "owner of " + absolute);
            assertEquals(gid, Files.getAttribute(p, "unix:gid", LinkOption.NOFOLLOW_LINKS), "group of " + absolute);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void assertLink(String absolute, String target) {
        try {
            assertEquals(target, Files.readSymbolicLink(path(absolute)).toString(), "link " + absolute);
        } catch (IOException e) {
            throw new AssertionError(absolute + " is not a symbolic link: " + e);
        }
    }

    boolean exists(String absolute) {
        return Files.exists(path(absolute), LinkOption.NOFOLLOW_LINKS);
    }
}
