package com.tradevault.setup.migrate;

/**
 * One table after a copy: rows and content checksum on each side.
 *
 * @param table          table name
 * @param sourceRows     rows in the source
 * @param targetRows     rows in the target
 * @param sourceChecksum checksum of the source's rows (see {@code TableDigest})
 * @param targetChecksum checksum of the target's rows
 */
public record TableResult(String table, long sourceRows, long targetRows, String sourceChecksum,
                          String targetChecksum) {

    public boolean equal() {
        return sourceRows == targetRows && sourceChecksum.equals(targetChecksum);
    }
}
