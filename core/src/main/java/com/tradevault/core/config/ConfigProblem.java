package com.tradevault.core.config;

import com.tradevault.core.Outcome;
import com.tradevault.core.TradevaultException;
import java.util.List;

/** The configuration is invalid; every problem names its key path, the value and the rule. */
public final class ConfigProblem extends TradevaultException {

    private final List<String> problems;

    ConfigProblem(List<String> problems) {
        super(Outcome.BAD_USAGE, "invalid configuration:\n  " + String.join("\n  ", problems),
                "fix these settings (see docs/configuration.md), then run 'tradevault config check'");
        this.problems = List.copyOf(problems);
    }

    ConfigProblem(String problem) {
        this(List.of(problem));
    }

    public List<String> problems() {
        return problems;
    }
}
