package com.tradevault.backup.pgp;

import java.io.IOException;

/** Why an OpenPGP backup could not be opened: the caller turns the kind into the operator's message. */
public final class EnvelopeProblem extends IOException {

    /** What went wrong, grouped by what the operator must do. */
    public enum Kind {
        /** Not an OpenPGP message at all. */
        NOT_OPENPGP,
        /** The key or passphrase given does not open it. */
        WRONG_KEY,
        /** Truncated, tampered with, or otherwise damaged. */
        DAMAGED
    }

    private final Kind kind;

    public EnvelopeProblem(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
