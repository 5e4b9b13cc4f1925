package com.tradevault.backup;

/**
 * Where long operations report how far they are. The command line draws a
 * progress bar on a terminal and passes {@link #NONE} otherwise.
 */
@FunctionalInterface
public interface Progress {

    /** Reports nothing. */
    Progress NONE = (step, done, total) -> { };

    /**
     * @param step  what is being done: "snapshot", "checksum", "encrypting",
     *              "decrypting", "integrity check"
     * @param done  bytes done so far
     * @param total bytes expected in all (an estimate for snapshots)
     */
    void update(String step, long done, long total);
}
