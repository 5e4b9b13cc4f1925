package com.tradevault.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files and folders only their owner may read: the ledger and its copies,
 * keys, backups, reports. One home for the modes, so that no place writes a
 * secret with the process's umask by forgetting them.
 */
public final class OwnerOnly {

    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");

    private OwnerOnly() {
    }

    /** Mode 0600, for {@link Files#createFile} and the like. */
    static FileAttribute<Set<PosixFilePermission>> fileMode() {
        return PosixFilePermissions.asFileAttribute(FILE);
    }

    /** Mode 0700, for {@link Files#createDirectories} and the like. */
    public static FileAttribute<Set<PosixFilePermission>> folderMode() {
        return PosixFilePermissions.asFileAttribute(FOLDER);
    }

    /** Creates a new file with mode 0600; fails if it exists. */
    public static Path createFile(Path file) throws IOException {
        return Files.createFile(file, fileMode());
    }

    /** Creates a folder and any missing parents, the new ones with mode 0700. */
    public static Path createFolders(Path dir) throws IOException {
        return Files.createDirectories(dir, folderMode());
    }

    /** Sets an existing file's mode to 0600. */
    public static void restrict(Path file) throws IOException {
        Files.setPosixFilePermissions(file, FILE);
    }

    /** Writes {@code text} (UTF-8) to {@code file} atomically, mode 0600 from the first byte. */
    public static void writeAtomically(Path file, String text) throws IOException {
        AtomicFiles.write(file, temp -> {
            createFile(temp);
            Files.writeString(temp, text, StandardCharsets.UTF_8);
        });
    }
}
