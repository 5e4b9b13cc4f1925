package com.tradevault.app.cli;

import com.tradevault.app.exchange.ExchangeException;
import com.tradevault.setup.Outcome;
import com.tradevault.setup.TradevaultException;
import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.time.Clock;
import java.util.Map;
import picocli.CommandLine;

/**
 * Builds the command line with what every command needs (the environment and
 * a clock) and maps failures to exit codes: 0 ok, 1 failure, 2 bad usage or
 * configuration, 3 integrity problem, 4 key problem, 5 ledger locked. A
 * failure of the exchange no command caught (an answer that cannot be read,
 * say) is exit 1 with its message, never a stack trace.
 */
public final class Cli {

    private final CommandContext context;

    public Cli(Map<String, String> env, Clock clock) {
        this.context = new CommandContext(env, clock);
    }

    static Cli standard() {
        return new Cli(System.getenv(), Clock.systemUTC());
    }

    /** The configured command line; tests set its out and err writers. */
    public CommandLine commandLine() {
        CommandLine cl = new CommandLine(new TradevaultCommand(), new ContextFactory(context));
        cl.setExecutionExceptionHandler(Cli::handle);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl;
    }

    public int execute(String... args) {
        return commandLine().execute(args);
    }

    private static int handle(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        if (e instanceof TradevaultException te) {
            err.println("error: " + te.getMessage());
            if (!te.nextStep().isEmpty()) {
                err.println("next: " + te.nextStep());
            }
            err.flush();
            return te.outcome().exitCode();
        }
        if (e instanceof ExchangeException ee) {
            err.println("error: the exchange: " + ee.getMessage());
            err.println("next: check exchange.url / TRADEVAULT_EXCHANGE_URL, the network and the venue's status,"
                    + " then run the command again");
            err.flush();
            return Outcome.FAILURE.exitCode();
        }
        err.println("error: unexpected failure: " + e);
        e.printStackTrace(err);
        err.flush();
        return 1;
    }

    /** Creates commands, handing the context to those whose constructor takes it. */
    private record ContextFactory(CommandContext context) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            for (Constructor<?> c : type.getDeclaredConstructors()) {
                if (c.getParameterCount() == 1 && c.getParameterTypes()[0] == CommandContext.class) {
                    c.setAccessible(true);
                    return type.cast(c.newInstance(context));
                }
            }
            return CommandLine.defaultFactory().create(type);
        }
    }
}
