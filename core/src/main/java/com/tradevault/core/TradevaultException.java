package com.tradevault.core;

import java.util.Objects;

/**
 * A fault the operator has to act on. Each one says what is wrong, where, and
 * what to do next; {@link #outcome()} tells the command line which exit code
 * stands for it. Its message, next step and causes never carry a secret:
 * they pass through {@link SecretText} on the way in.
 */
public class TradevaultException extends RuntimeException {

    private final Outcome outcome;
    private final String nextStep;

    public TradevaultException(Outcome outcome, String message, String nextStep) {
        this(outcome, message, nextStep, null);
    }

    public TradevaultException(Outcome outcome, String message, String nextStep, Throwable cause) {
        super(SecretText.scrub(message), SecretText.scrub(cause));
        this.outcome = Objects.requireNonNull(outcome);
        this.nextStep = nextStep == null ? "" : SecretText.scrub(nextStep);
    }

    public Outcome outcome() {
        return outcome;
    }

    /** What the operator should do next; empty when there is nothing useful to add. */
    public String nextStep() {
        return nextStep;
    }
}
