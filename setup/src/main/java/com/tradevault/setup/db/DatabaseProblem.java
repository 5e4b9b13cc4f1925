package com.tradevault.setup.db;

import com.tradevault.setup.Outcome;
import com.tradevault.setup.TradevaultException;

/** The ledger cannot be opened or changed as asked: missing, unwritable, not a database, too new. */
public final class DatabaseProblem extends TradevaultException {

    public DatabaseProblem(Outcome outcome, String message, String nextStep) {
        super(outcome, message, nextStep);
    }

    public DatabaseProblem(Outcome outcome, String message, String nextStep, Throwable cause) {
        super(outcome, message, nextStep, cause);
    }

    /** A failure talking to the database, wrapped with what we were doing and where. */
    public static DatabaseProblem failed(String doing, String where, Exception cause) {
        return new DatabaseProblem(Outcome.FAILURE, doing + " failed on " + where + ": " + cause.getMessage(),
                "check the log above; if it persists run 'tradevault integrity'", cause);
    }
}
