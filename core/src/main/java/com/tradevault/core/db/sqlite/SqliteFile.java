package com.tradevault.core.db.sqlite;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A SQLite database file and what SQLite keeps beside it: the one place that
 * knows the driver's URL for a file and the names of its {@code -wal} and
 * {@code -shm} companions, so that no other code spells them out.
 *
 * @param path the database file
 */
public record SqliteFile(Path path) {

    /** The prefix of the driver's URLs. */
    public static final String URL_PREFIX = "jdbc:sqlite:";

    /** The file of a {@code jdbc:sqlite:} URL, if it is one. */
    public static Optional<SqliteFile> ofUrl(String url) {
        return url.startsWith(URL_PREFIX) ? Optional.of(new SqliteFile(Path.of(url.substring(URL_PREFIX.length()))))
                : Optional.empty();
    }

    /** The driver's URL for this file. */
    public String url() {
        return URL_PREFIX + path;
    }

    /** The write-ahead log ({@code -wal}), whether or not it exists. */
    public Path wal() {
        return beside("-wal");
    }

    /** The log's shared-memory index ({@code -shm}), whether or not it exists. */
    public Path shm() {
        return beside("-shm");
    }

    /** The log and its index, in that order: what a copy of the file must carry or a new file must not find. */
    public List<Path> companions() {
        return List.of(wal(), shm());
    }

    /** The companions that exist now. */
    public List<Path> existingCompanions() {
        return companions().stream().filter(Files::exists).toList();
    }

    /** The file itself, then its companions. */
    public List<Path> withCompanions() {
        return List.of(path, wal(), shm());
    }

    /** The same file name with {@code suffix} appended, beside it ({@code .lock}, {@code -journal}). */
    public Path beside(String suffix) {
        return path.resolveSibling(path.getFileName() + suffix);
    }
}
