package com.tradevault.setup.db;

import com.tradevault.setup.Outcome;
import com.tradevault.setup.TradevaultException;

/** Another running instance holds the ledger (exit code 5). */
public final class DatabaseLocked extends TradevaultException {

    public DatabaseLocked(String message, String nextStep) {
        super(Outcome.LOCKED, message, nextStep);
    }
}
