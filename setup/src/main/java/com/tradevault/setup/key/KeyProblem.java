package com.tradevault.setup.key;

import com.tradevault.setup.Outcome;
import com.tradevault.setup.TradevaultException;

/** A missing or wrong key, or encryption that does not match the configuration (exit code 4). */
public final class KeyProblem extends TradevaultException {

    public KeyProblem(String message, String nextStep) {
        super(Outcome.KEY_PROBLEM, message, nextStep);
    }
}
