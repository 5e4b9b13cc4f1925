package com.tradevault.app.cli;

import java.lang.reflect.Constructor;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Builds the command line with what every command needs (the environment and
 * a clock) and maps failures to exit codes: 0 ok, 1 failure, 2 bad usage or
 * configuration, 3 integrity problem, 4 key problem, 5 ledger locked.
 */
public final class Cli {

    private final CommandContext context;

    public Cli(Map<String, String> env, Clock clock) {
        this.context = new CommandContext(env, clock);
    }

    static Cli standard() {
        return new Cli(System.getenv(), Clock.systemUTC());
    }

    /** The configured command line with every command (usage, the manual page); tests set its out and err writers. */
    public CommandLine commandLine() {
        return withSubcommands(TradevaultCommand.SUBCOMMANDS);
    }

    /**
     * The command line for these arguments: where the first one names a command, only that command is built
     * (building every command's model is a good part of a start); else every command, for usage and errors.
     */
    public CommandLine commandLineFor(String... args) {
        for (Class<?> command : TradevaultCommand.SUBCOMMANDS) {
            if (args.length > 0 && command.getAnnotation(Command.class).name().equals(args[0])) {
                return withSubcommands(List.of(command));
            }
        }
        return commandLine();
    }

    private CommandLine withSubcommands(List<Class<?>> subcommands) {
        CommandLine cl = new CommandLine(new TradevaultCommand(), new ContextFactory(context));
        for (Class<?> command : subcommands) {
            cl.addSubcommand(command);
        }
        cl.setExecutionExceptionHandler(new FailureReport(context)::handle);
        cl.setParameterExceptionHandler(new UsageErrors());
        cl.registerConverter(Integer.class, new WholeNumbers());
        cl.registerConverter(int.class, new WholeNumbers());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl;
    }

    public int execute(String... args) {
        return commandLineFor(args).execute(args);
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
