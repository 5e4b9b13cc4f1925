package com.tradevault.backup;

import com.tradevault.core.Outcome;
import com.tradevault.core.TradevaultException;

/** A backup, restore, vacuum or integrity run that cannot go on: says what, where, and what to do next. */
public final class BackupProblem extends TradevaultException {

    public BackupProblem(Outcome outcome, String message, String nextStep) {
        super(outcome, message, nextStep);
    }

    public BackupProblem(Outcome outcome, String message, String nextStep, Throwable cause) {
        super(outcome, message, nextStep, cause);
    }
}
