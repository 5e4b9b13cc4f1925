package com.tradevault.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.tradevault.app.exchange.ExchangeException;
import com.tradevault.core.Outcome;
import com.tradevault.core.SecretText;
import com.tradevault.core.TradevaultException;
import com.tradevault.core.db.DatabaseProblem;
import com.tradevault.core.db.FileFault;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;

/**
 * How a failed command tells the operator: what is wrong, where, and the next
 * step, on stderr (and as a JSON object on stdout under {@code --json}), with
 * the exit code that stands for it. Database faults that reach here unwrapped
 * (a damaged page read by any command, a full disk) get the same treatment as
 * wrapped ones; a damaged ledger names the exact restore command. Never a
 * stack trace, unless {@code --verbose} asks for one; never a secret.
 */
final class FailureReport {

    private final CommandContext context;

    FailureReport(CommandContext context) {
        this.context = context;
    }

    int handle(Exception failure, CommandLine cmd, CommandLine.ParseResult parsed) {
        TradevaultException problem = asProblem(failure, commandName(parsed));
        String nextStep = problem instanceof DatabaseProblem d && d.isDamagedLedger()
                ? context.restoreStep() + d.nextStep().substring(DatabaseProblem.RESTORE_STEP.length())
                : problem.nextStep();
        PrintWriter err = cmd.getErr();
        err.println("error: " + problem.getMessage());
        if (!nextStep.isEmpty()) {
            err.println("next: " + nextStep);
        }
        if (verbose(parsed)) {
            SecretText.scrub(failure).printStackTrace(err);
        }
        err.flush();
        if (wantsJson(parsed) && !(failure instanceof ProblemAfterReport)) {
            printJson(cmd.getOut(), problem, nextStep);
        }
        return problem.outcome().exitCode();
    }

    private TradevaultException asProblem(Exception failure, String command) {
        if (failure instanceof TradevaultException te) {
            return te;
        }
        if (FileFault.of(failure).isPresent() || hasSqlCause(failure)) {
            return DatabaseProblem.failed(command, context.ledgerLocation(), failure);
        }
        if (failure instanceof ExchangeException) {
            return new TradevaultException(Outcome.FAILURE, "the exchange: " + failure.getMessage(),
                    "check exchange.url / TRADEVAULT_EXCHANGE_URL, the network and the venue's status, then run the"
                            + " command again", failure);
        }
        return new TradevaultException(Outcome.FAILURE, "unexpected failure in " + command + ": " + failure,
                "run it again with --verbose for the details and report them; nothing was lost that the ledger"
                        + " had committed", failure);
    }

    private static boolean hasSqlCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException) {
                return true;
            }
        }
        return false;
    }

    static void printJson(PrintWriter out, TradevaultException problem, String nextStep) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", problem.outcome().exitCode());
        error.put("outcome", problem.outcome().name().toLowerCase().replace('_', '-'));
        error.put("message", problem.getMessage());
        error.put("next", nextStep);
        try {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(Map.of("error", error)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings is always JSON", e);
        }
        out.flush();
    }

    private static CommandLine.ParseResult deepest(CommandLine.ParseResult parsed) {
        CommandLine.ParseResult p = parsed;
        while (p.subcommand() != null) {
            p = p.subcommand();
        }
        return p;
    }

    private static String commandName(CommandLine.ParseResult parsed) {
        return "'" + deepest(parsed).commandSpec().qualifiedName() + "'";
    }

    private static boolean wantsJson(CommandLine.ParseResult parsed) {
        CommandLine.ParseResult p = deepest(parsed);
        return p.hasMatchedOption("--json") && Boolean.TRUE.equals(p.matchedOptionValue("--json", false));
    }

    private static boolean verbose(CommandLine.ParseResult parsed) {
        return deepest(parsed).hasMatchedOption("--verbose");
    }
}
