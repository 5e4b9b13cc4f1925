package com.tradevault.backup;

import com.tradevault.core.AtomicFiles;
import com.tradevault.core.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The backups in a folder, known by their names
 * ({@code tradevault-20261121T074100Z.tar.gpg}): listing, naming new ones,
 * and pruning by {@link Retention}. Files with other names are never touched.
 */
public final class BackupCatalog {

    private static final Pattern NAME = Pattern.compile("tradevault-(\\d{8}T\\d{6}Z)(?:-(\\d+))?\\.tar\\.gpg");
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssX").withZone(ZoneOffset.UTC);

    private final Path dir;

    public BackupCatalog(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    public Path dir() {
        return dir;
    }

    /** The backups in the folder, newest first; empty when the folder does not exist. */
    public List<BackupEntry> list() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<BackupEntry> entries = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                entry(f).ifPresent(entries::add);
            }
        } catch (IOException e) {
            throw new BackupProblem(Outcome.FAILURE, "cannot list backups in " + dir + ": " + e.getMessage(),
                    "check the folder's permissions");
        }
        entries.sort(BackupEntry.NEWEST_FIRST);
        return entries;
    }

    /** The entry for a file with a backup's name, or empty. */
    public static Optional<BackupEntry> entry(Path file) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        if (!m.matches() || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BackupEntry(file, STAMP.parse(m.group(1), Instant::from), Files.size(file),
                    m.group(2) == null ? 1 : Integer.parseInt(m.group(2))));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** A name for a backup taken at {@code time} that no file has yet. */
    public Path newName(Instant time) {
        String stamp = AtomicFiles.stamp(time);
        Path candidate = dir.resolve("tradevault-" + stamp + ".tar.gpg");
        for (int n = 2; Files.exists(candidate); n++) {
            candidate = dir.resolve("tradevault-" + stamp + "-" + n + ".tar.gpg");
        }
        return candidate;
    }

    /** Applies {@code retention}: deletes what it does not keep, unless {@code dryRun}. */
    public Retention.Plan prune(Retention retention, boolean dryRun) {
        Retention.Plan plan = retention.plan(list());
        if (!dryRun) {
            for (BackupEntry e : plan.delete()) {
                delete(e.file());
            }
        }
        return plan;
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new BackupProblem(Outcome.FAILURE, "cannot delete old backup " + file + ": " + e.getMessage(),
                    "check the folder's permissions; nothing else was deleted after it");
        }
    }
}
