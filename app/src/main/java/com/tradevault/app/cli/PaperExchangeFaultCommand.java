package com.tradevault.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.tradevault.core.Outcome;
import com.tradevault.core.TradevaultException;
import com.tradevault.core.config.Durations;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tradevault paper-exchange fault}: injects faults into a running paper exchange's API. */
@Command(name = "fault", description = "Inject faults into a running paper exchange's API: fail the next N requests,"
        + " delay answers, or execute the next N requests and drop their answers.")
final class PaperExchangeFaultCommand implements Callable<Integer> {

    /** The longest delay the paper exchange accepts (its Faults.LONGEST_DELAY). */
    private static final Duration LONGEST_DELAY = Duration.ofMinutes(1);

    private final CommandContext context;

    @Mixin
    CommonOptions common;

    @Mixin
    PaperControlOptions target;

    @Spec
    CommandSpec spec;

    @Option(names = "--fail-next", paramLabel = "N", converter = WholeNumbers.RequestCount.class, description = "Answer the next N requests with an error, unexecuted.")
    Integer failNext;

    @Option(names = "--status", paramLabel = "CODE", description = "HTTP status of those errors: 503 (default), 500,"
            + " 429 or 418 (the last two with Retry-After).")
    Integer status;

    @Option(names = "--delay", paramLabel = "DURATION", description = "Delay every answer, e.g. 500ms, 2s (0s: none).")
    String delay;

    @Option(names = "--drop-next", paramLabel = "N", converter = WholeNumbers.RequestCount.class, description = "Execute the next N requests, then drop their answers.")
    Integer dropNext;

    @Option(names = "--reset", description = "Clear every fault first.")
    boolean reset;

    PaperExchangeFaultCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Map<String, String> params = new LinkedHashMap<>();
        if (reset) {
            params.put("reset", "true");
        }
        put(params, "failNext", failNext);
        put(params, "status", status);
        put(params, "dropNext", dropNext);
        if (delay != null) {
            Durations.parseBetween(delay, Duration.ZERO, LONGEST_DELAY).orElseThrow(() -> new TradevaultException(
                    Outcome.BAD_USAGE, "--delay " + delay + ": " + Durations.rule(Duration.ZERO, LONGEST_DELAY),
                    "write it like 500ms, 2s or 0s"));
            params.put("delay", delay);
        }
        JsonNode state = target.control(context, common).faults(params);
        spec.commandLine().getOut().println("faults: fail next " + state.get("failNext").asInt() + " (HTTP "
                + state.get("status").asInt() + "), delay " + state.get("delay").asText() + ", drop next "
                + state.get("dropNext").asInt());
        return 0;
    }

    private static void put(Map<String, String> params, String name, Integer value) {
        if (value != null) {
            params.put(name, value.toString());
        }
    }
}
