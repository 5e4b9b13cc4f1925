package com.tradevault.backup;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;

/**
 * One backup file in a backup folder, as its name and size tell it (no key needed).
 *
 * @param file    the backup file
 * @param takenAt when it was taken (UTC, from the file name)
 * @param bytes   its size
 * @param seq     1, or n for the n-th backup taken within the same second ({@code …Z-n.tar.gpg})
 */
public record BackupEntry(Path file, Instant takenAt, long bytes, int seq) {

    /** Newest first: by time, then by sequence within the same second. */
    public static final Comparator<BackupEntry> NEWEST_FIRST =
            Comparator.comparing(BackupEntry::takenAt).thenComparingInt(BackupEntry::seq).reversed();
}
