package com.tradevault.core;

/**
 * What a failure asks of the operator, and the exit code that says so to scripts.
 * The numbers are public interface: customers script against them.
 */
public enum Outcome {
    /** Something failed; the message says what. */
    FAILURE(1),
    /** Bad command line or invalid configuration: fix the input and run again. */
    BAD_USAGE(2),
    /** The database or a backup is damaged or is not what it claims to be. */
    INTEGRITY_PROBLEM(3),
    /** Missing or wrong key, or encryption that does not match the configuration. */
    KEY_PROBLEM(4),
    /** Another running instance holds the ledger. */
    LOCKED(5);

    private final int exitCode;

    Outcome(int exitCode) {
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
