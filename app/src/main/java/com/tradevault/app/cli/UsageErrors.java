package com.tradevault.app.cli;

import com.tradevault.core.Outcome;
import com.tradevault.core.TradevaultException;
import java.io.PrintWriter;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/**
 * How a command line that cannot be parsed is told (an unknown option, a
 * missing one, a value that is not a number or out of its bounds): exit 2 with
 * what is wrong and where to look, as every other failure is told (and as a
 * JSON error object on stdout under {@code --json}), not a page of usage.
 */
final class UsageErrors implements CommandLine.IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        String next = "run '" + cmd.getCommandSpec().qualifiedName() + " --help' to see what it takes";
        TradevaultException problem = new TradevaultException(Outcome.BAD_USAGE, describe(ex), next);
        PrintWriter err = cmd.getErr();
        err.println("error: " + problem.getMessage());
        err.println("next: " + next);
        err.flush();
        if (Arrays.asList(args).contains("--json")) {
            FailureReport.printJson(cmd.getOut(), problem, next);
        }
        return problem.outcome().exitCode();
    }

    /** Names the option and the value it got where the value is what is wrong. */
    private static String describe(ParameterException ex) {
        if (ex.getCause() instanceof TypeConversionException rule && ex.getArgSpec() instanceof OptionSpec option) {
            return option.longestName() + " " + ex.getValue() + ": " + rule.getMessage();
        }
        return ex.getMessage();
    }
}
