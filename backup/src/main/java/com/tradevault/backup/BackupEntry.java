package com.tradevault.backup;

import java.nio.file.Path;
import java.time.Instant;

/**
 * One backup file in a backup folder, as its name and size tell it (no key needed).
 *
 * @param file    the backup file
 * @param takenAt when it was taken (UTC, from the file name)
 * @param bytes   its size
 */
public record BackupEntry(Path file, Instant takenAt, long bytes) {
}
