package com.tradevault.core.db;

import com.tradevault.core.Outcome;
import com.tradevault.core.TradevaultException;

/** Another running instance holds the ledger (exit code 5). */
public final class DatabaseLocked extends TradevaultException {

    public DatabaseLocked(String message, String nextStep) {
        super(Outcome.LOCKED, message, nextStep);
    }
}
