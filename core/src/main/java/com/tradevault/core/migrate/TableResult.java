package com.tradevault.core.migrate;

/**
 * One table after a copy: rows and content checksum on each side.
 *
 * @param table          table name
 * @param sourceRows     rows in the source
 * @param targetRows     rows in the target
 * @param sourceChecksum checksum of the source's rows (see {@code TableDigest})
 * @param targetChecksum checksum of the target's rows
 * @param difference     what the catalogs say differs (a table or column on one side only, a checksum
 *                       that does not cover every column); empty when they agree
 */
record TableResult(String table, long sourceRows, long targetRows, String sourceChecksum,
                          String targetChecksum, String difference) {

    /** A table whose catalogs agree. */
    public TableResult(String table, long sourceRows, long targetRows, String sourceChecksum, String targetChecksum) {
        this(table, sourceRows, targetRows, sourceChecksum, targetChecksum, "");
    }

    public boolean equal() {
        return difference.isEmpty() && sourceRows == targetRows && sourceChecksum.equals(targetChecksum);
    }
}
