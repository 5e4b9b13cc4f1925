package com.tradevault.installer;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Renders one troff man page (section 1) for the whole command tree: every command with its
 * synopsis, description, options and parameters, then exit codes, environment and files.
 * Written from the picocli model rather than through picocli-codegen's AsciiDoc, which would
 * need Asciidoctor (JRuby, tens of MB of build dependencies and seconds per build) to become troff.
 */
final class ManPage {

    private final CommandSpec root;
    private final String version;
    private final String date;
    private final StringBuilder out = new StringBuilder();

    ManPage(CommandSpec root, String version, String date) {
        this.root = root;
        this.version = version;
        this.date = date;
    }

    String render() {
        line(".TH TRADEVAULT 1 \"" + date + "\" \"tradevault " + version + "\" \"tradevault manual\"");
        section("NAME");
        line("tradevault \\- " + text(first(root.usageMessage().description())));
        section("SYNOPSIS");
        line(".B tradevault");
        line("COMMAND [OPTIONS]");
        section("DESCRIPTION");
        paragraphs(root.usageMessage().description());
        line(".PP");
        line("Every command takes \\fB\\-\\-config\\fR FILE and \\fB\\-\\-verbose\\fR; "
                + "\\fBtradevault COMMAND \\-\\-help\\fR shows the same text as this page.");
        section("COMMANDS");
        root.subcommands().values().forEach(cl -> command(cl.getCommandSpec()));
        tail();
        return out.toString();
    }

    private void command(CommandSpec spec) {
        if (spec.usageMessage().hidden()) {
            return;
        }
        if (spec.subcommands().isEmpty() || spec.userObject() instanceof Callable) {
            line(".SS " + text(spec.qualifiedName(" ")));
            line(".nf");
            line(text(synopsis(spec)));
            line(".fi");
            paragraphs(spec.usageMessage().description());
            spec.positionalParameters().forEach(this::parameter);
            spec.options().stream().filter(o -> !o.hidden() && !o.usageHelp() && !o.versionHelp()).forEach(this::option);
        }
        spec.subcommands().values().forEach(cl -> command(cl.getCommandSpec()));
    }

    private String synopsis(CommandSpec spec) {
        CommandLine.Help help = new CommandLine.Help(spec, CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        return help.synopsis(0).strip();
    }

    private void option(OptionSpec option) {
        String label = option.typeInfo().isBoolean() ? "" : " " + option.paramLabel();
        line(".TP");
        line("\\fB" + text(String.join(", ", option.names())) + "\\fR" + text(label));
        line(text(String.join(" ", option.description())));
    }

    private void parameter(PositionalParamSpec parameter) {
        line(".TP");
        line("\\fI" + text(parameter.paramLabel()) + "\\fR");
        line(text(String.join(" ", parameter.description())));
    }

    private void tail() {
        section("EXIT STATUS");
        line("0 ok; 1 failure; 2 bad usage or invalid configuration; 3 integrity problem found;");
        line("4 key problem (missing or wrong key, encryption mismatch); 5 ledger locked by another running instance.");
        section("ENVIRONMENT");
        definition("TRADEVAULT_CONFIG", "the configuration file (HOCON)");
        definition("TRADEVAULT_DATA_DIR", "the ledger's folder");
        definition("TRADEVAULT_DB_URL", "the ledger's JDBC URL (SQLite file or PostgreSQL)");
        definition("TRADEVAULT_DB_KEY_FILE", "a file holding the database key");
        definition("CREDENTIALS_DIRECTORY", "systemd credentials; db\\-key is read from it first");
        definition("TRADEVAULT_JAVA_OPTS", "replaces the launcher's JVM memory settings");
        section("FILES");
        definition("/etc/tradevault/tradevault.conf", "configuration of the installed service");
        definition("/etc/tradevault/credentials/db\\-key", "the database key (keep a copy elsewhere)");
        definition("/var/lib/tradevault", "the ledger");
        definition("/var/backups/tradevault", "encrypted backups");
        definition("/opt/tradevault/current", "the installed bundle");
        section("SEE ALSO");
        line("The operator guide in /opt/tradevault/current/docs, starting with install.md.");
    }

    private void definition(String term, String meaning) {
        line(".TP");
        line("\\fB" + term + "\\fR");
        line(meaning);
    }

    private void paragraphs(String[] lines) {
        for (String l : lines) {
            line(text(l));
            line(".br");
        }
    }

    private void section(String name) {
        line(".SH " + name);
    }

    private void line(String s) {
        out.append(s).append('\n');
    }

    private static String first(String[] lines) {
        return lines.length == 0 ? "" : lines[0];
    }

    /** Escapes text for troff: backslashes, hyphens, and a leading control character. */
    static String text(String s) {
        String escaped = s.replace("\\", "\\e").replace("-", "\\-");
        return escaped.startsWith(".") || escaped.startsWith("'") ? "\\&" + escaped : escaped;
    }
}
