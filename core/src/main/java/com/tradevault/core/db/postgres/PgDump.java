package com.tradevault.core.db.postgres;

import com.tradevault.core.AtomicFiles;
import com.tradevault.core.Outcome;
import com.tradevault.core.config.DbSettings;
import com.tradevault.core.db.Database;
import com.tradevault.core.db.DatabaseProblem;
import com.tradevault.core.db.RowCounts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A consistent {@code pg_dump} (custom format) of a live PostgreSQL ledger:
 * a repeatable-read transaction exports its snapshot, the row counts are read
 * in that transaction and {@code pg_dump --snapshot} dumps exactly that state.
 * The password goes to pg_dump through its environment, never its arguments,
 * and so does the user: the one the bot's own connection logged in as, so
 * that a {@code PGUSER} in the environment (which the JDBC driver does not
 * read) never makes the dump log in as someone else.
 */
final class PgDump {

    private final String url;
    private final DbSettings settings;

    PgDump(String url, DbSettings settings) {
        this.url = url;
        this.settings = settings;
    }

    Map<String, Long> write(Database database, Path target) throws IOException, SQLException {
        AtomicFiles.requireAbsent(target);
        try (Connection c = database.connect()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                String snapshot = single(c, "SELECT pg_export_snapshot()");
                String user = single(c, "SELECT session_user");
                Map<String, Long> counts = RowCounts.of(c);
                run(List.of(tool("pg_dump"), "--format=custom", "--no-owner", "--snapshot=" + snapshot,
                        "--file=" + target, "--dbname=" + libpqUri()), user, "dumping " + DbSettings.redact(url));
                run(List.of(tool("pg_restore"), "--list", target.toString()), user, "checking the dump " + target);
                return counts;
            } finally {
                c.rollback();
            }
        }
    }

    private static String single(Connection c, String query) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(query)) {
            r.next();
            return r.getString(1);
        }
    }

    private void run(List<String> command, String user, String doing) throws IOException {
        Path log = Files.createTempFile("tradevault-pg", ".log");
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            PostgresOpening.password(settings).ifPresent(p -> pb.environment().put("PGPASSWORD", p));
            pb.environment().put("PGUSER", user);
            Process p = pb.start();
            if (!p.waitFor(6, TimeUnit.HOURS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new DatabaseProblem(Outcome.FAILURE, doing + " failed: " + Files.readString(log).strip(),
                        "check that " + Path.of(command.get(0)).getFileName() + " is at least the server's version"
                                + " and that the credentials work (docs/backup-restore.md)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while " + doing, e);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** The libpq form of the JDBC URL, keeping only the parameters libpq understands; no password. */
    String libpqUri() {
        String rest = url.substring("jdbc:postgresql:".length());
        if (!rest.startsWith("//")) {
            rest = "//localhost/" + rest;
        }
        int q = rest.indexOf('?');
        String base = q < 0 ? rest : rest.substring(0, q);
        List<String> kept = new ArrayList<>();
        if (q >= 0) {
            for (String param : rest.substring(q + 1).split("&")) {
                String name = param.split("=", 2)[0];
                if (List.of("user", "sslmode", "sslrootcert", "connect_timeout").contains(name)) {
                    kept.add(param);
                }
                if (name.equals("password") && settings.passwordFile().isEmpty()) {
                    throw new DatabaseProblem(Outcome.BAD_USAGE, "db.url carries a password, which pg_dump would show in"
                            + " its process arguments", "move it to db.password-file or TRADEVAULT_DB_PASSWORD");
                }
            }
        }
        base = base.replaceAll("//([^/:@]+):[^@/]*@", "//$1@");
        return "postgresql:" + base
                + (kept.isEmpty() ? "" : "?" + String.join("&", kept));
    }

    /** The newest PostgreSQL client tool: from /usr/lib/postgresql/N/bin, else from the PATH. */
    static String tool(String name) {
        Path base = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(base)) {
            try (Stream<Path> versions = Files.list(base)) {
                Optional<Path> newest = versions.map(v -> v.resolve("bin").resolve(name)).filter(Files::isExecutable)
                        .max(Comparator.comparingInt(PgDump::majorVersion));
                if (newest.isPresent()) {
                    return newest.get().toString();
                }
            } catch (IOException e) {
                return name;
            }
        }
        return name;
    }

    private static int majorVersion(Path tool) {
        String v = tool.getParent().getParent().getFileName().toString().replaceAll("\\D", "");
        return v.isEmpty() ? 0 : Integer.parseInt(v);
    }
}
