package com.tradevault.app.cli;

import com.tradevault.core.Outcome;
import com.tradevault.core.TradevaultException;

/**
 * A problem a command found and has already reported in full on stdout (its
 * {@code --json} report): the error lines go to stderr as usual, but no second
 * JSON document follows the first.
 */
final class ProblemAfterReport extends TradevaultException {

    ProblemAfterReport(Outcome outcome, String message, String nextStep) {
        super(outcome, message, nextStep);
    }
}
