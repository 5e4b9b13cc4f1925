package com.tradevault.core.key;

import com.tradevault.core.Outcome;
import com.tradevault.core.TradevaultException;

/** A missing or wrong key, or encryption that does not match the configuration (exit code 4). */
public final class KeyProblem extends TradevaultException {

    public KeyProblem(String message, String nextStep) {
        super(Outcome.KEY_PROBLEM, message, nextStep);
    }
}
