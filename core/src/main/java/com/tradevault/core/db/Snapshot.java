package com.tradevault.core.db;

import java.sql.SQLException;
import java.util.Map;

/**
 * A consistent copy of a ledger written for a backup: its row counts, and
 * its full check, which only reads the copy and so may run while the copy is
 * being encrypted. A copy is not trusted until its check has passed.
 *
 * @param rowCounts rows per table in the copy
 * @param check     the copy's own check; throws {@link DatabaseProblem} with
 *                  {@code INTEGRITY_PROBLEM} when the copy is damaged
 */
public record Snapshot(Map<String, Long> rowCounts, Check check) {

    /** A check of a written copy. */
    @FunctionalInterface
    public interface Check {
        void run() throws SQLException;
    }
}
