package com.tradevault.backup;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.tradevault.core.db.SnapshotKind;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a backup holds, stored as {@code manifest.json} in front of the
 * snapshot inside the encrypted archive.
 *
 * @param format            {@value #FORMAT}
 * @param createdAt         when the snapshot was taken (UTC, ISO-8601)
 * @param bundleVersion     the tradevault version that wrote it
 * @param schemaVersion     the ledger's schema version
 * @param backend           SQLite or PostgreSQL
 * @param source            the ledger it was taken from (path, or URL without password)
 * @param host              the host it was taken on
 * @param snapshotName      the snapshot's name in the archive ({@code tradevault.db}, {@code tradevault.pgdump})
 * @param snapshotEncrypted whether the snapshot itself is encrypted with the database key
 * @param snapshotBytes     the snapshot's size
 * @param snapshotSha256    SHA-256 of the snapshot, hex
 * @param rowCounts         rows per table in the snapshot
 */
public record Manifest(String format, String createdAt, String bundleVersion, int schemaVersion, String backend,
                       String source, String host, String snapshotName, boolean snapshotEncrypted,
                       long snapshotBytes, String snapshotSha256, Map<String, Long> rowCounts) {

    public static final String FORMAT = "tradevault-backup/1";
    /** The manifest's name in the archive. */
    public static final String NAME = "manifest.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public Manifest {
        rowCounts = new TreeMap<>(rowCounts);
    }

    /** What the snapshot is (a database file or a dump), as the backend that wrote it says. */
    @JsonIgnore
    public SnapshotKind snapshotKind() {
        return SnapshotKind.named(snapshotName);
    }

    /** Total rows in all tables. */
    @JsonIgnore
    public long totalRows() {
        return rowCounts.values().stream().mapToLong(Long::longValue).sum();
    }

    public byte[] toJson() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the manifest", e);
        }
    }

    /** Parses a manifest; {@link IllegalArgumentException} when it is not one. */
    public static Manifest fromJson(byte[] json) {
        try {
            Manifest m = JSON.readValue(new String(json, StandardCharsets.UTF_8), Manifest.class);
            if (!FORMAT.equals(m.format())) {
                throw new IllegalArgumentException("unknown backup format " + m.format());
            }
            return m;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the manifest is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }
}
