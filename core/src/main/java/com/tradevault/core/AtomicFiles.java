package com.tradevault.core;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Durable file changes: write to a temp file beside the target, fsync it,
 * rename it into place, fsync the directory. A crash leaves either the old
 * file or the new one, never half of one. Nothing is deleted that a user could
 * want back: it is set aside with a UTC timestamp instead.
 */
public final class AtomicFiles {

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private AtomicFiles() {
    }

    /** Something that fills a file at the given path. */
    @FunctionalInterface
    public interface Writer {
        void writeTo(Path temp) throws Exception;
    }

    /** The name of a temp file beside {@code target}, hidden, marked as ours. */
    public static Path tempBeside(Path target, String purpose) {
        String name = "." + target.getFileName() + "." + purpose + ".tmp";
        return target.toAbsolutePath().resolveSibling(name);
    }

    /**
     * Writes {@code target} atomically. The writer fills a temp file that is
     * fsynced and renamed over the target; on any failure the temp file is
     * removed and the target is untouched.
     */
    public static void write(Path target, Writer writer) throws IOException {
        Path temp = tempBeside(target, "partial");
        Files.deleteIfExists(temp);
        try {
            writer.writeTo(temp);
            fsync(temp);
            moveIntoPlace(temp, target);
        } catch (Exception e) {
            deleteQuietly(temp);
            if (e instanceof IOException io) {
                throw io;
            }
            if (e instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException("could not write " + target + ": " + e.getMessage(), e);
        }
    }

    /** Fails when {@code target} exists: copies and dumps never overwrite a file. */
    public static void requireAbsent(Path target) throws IOException {
        if (Files.exists(target)) {
            throw new IOException(target + " already exists; refusing to overwrite it");
        }
    }

    /** Renames {@code source} onto {@code target} atomically and fsyncs the directory. */
    public static void moveIntoPlace(Path source, Path target) throws IOException {
        Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        fsyncDirectory(target.toAbsolutePath().getParent());
    }

    public static void fsync(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    public static void fsyncDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    /** A UTC timestamp for file names, e.g. {@code 20261121T074100Z}. */
    public static String stamp(Instant instant) {
        return STAMP.format(instant);
    }

    /**
     * Moves {@code file} aside to {@code <name>.<stamp>.<reason>} in the same
     * directory and returns where it went. Missing files are left alone.
     */
    public static Path setAside(Path file, Instant now, String reason) throws IOException {
        Path aside = file.resolveSibling(file.getFileName() + "." + stamp(now) + "." + reason);
        if (Files.exists(file)) {
            Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
            fsyncDirectory(file.toAbsolutePath().getParent());
        }
        return aside;
    }

    /** Deletes a file if it exists, ignoring failures: used only for our own temp files. */
    public static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover temp file is harmless; it is overwritten next time
        }
    }
}
