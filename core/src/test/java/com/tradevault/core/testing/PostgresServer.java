package com.tradevault.core.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster for tests, started from the system binaries
 * ({@code /usr/lib/postgresql/N/bin}) in a temp dir, on a free port on
 * 127.0.0.1, as the {@code postgres} OS user when the tests run as root, and
 * removed afterwards. One server per test JVM ({@link #shared()}); each test
 * takes its own database from {@link #newDatabase()}.
 */
public final class PostgresServer implements AutoCloseable {

    private static PostgresServer shared;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final Path bin;
    private final Path dir;
    private final int port;
    private final boolean asPostgresUser;

    private PostgresServer(Path bin, Path dir, int port, boolean asPostgresUser) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    /** The server of this test JVM, started on first use and removed when the JVM exits. */
    public static synchronized PostgresServer shared() {
        if (shared == null) {
            shared = start();
            PostgresServer s = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(s::close));
        }
        return shared;
    }

    public static PostgresServer start() {
        try {
            Path bin = findBin();
            boolean root = "root".equals(System.getProperty("user.name"));
            Path dir = Files.createTempDirectory("tradevault-pg-");
            if (root) {
                chownToPostgres(dir);
            }
            PostgresServer server = new PostgresServer(bin, dir, freePort(), root);
            server.initAndStart();
            return server;
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("could not start a throwaway PostgreSQL: " + e.getMessage(), e);
        }
    }

    private static Path findBin() throws IOException {
        Path base = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(base)) {
            throw new IOException("no PostgreSQL server binaries under " + base + "; install them: apt-get install -y postgresql");
        }
        try (Stream<Path> versions = Files.list(base)) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparing(b -> Integer.parseInt(b.getParent().getFileName().toString().replaceAll("\\D", "0"))))
                    .orElseThrow(() -> new IOException("no initdb under " + base + "/*/bin; apt-get install -y postgresql"));
        }
    }

    private static void chownToPostgres(Path dir) throws IOException {
        UserPrincipalLookupService lookup = dir.getFileSystem().getUserPrincipalLookupService();
        UserPrincipal user = lookup.lookupPrincipalByName("postgres");
        GroupPrincipal group = lookup.lookupPrincipalByGroupName("postgres");
        Files.setOwner(dir, user);
        Files.getFileAttributeView(dir, java.nio.file.attribute.PosixFileAttributeView.class).setGroup(group);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private void initAndStart() throws IOException, InterruptedException {
        run(bin.resolve("initdb").toString(), "-D", data().toString(), "-A", "trust", "-U", "postgres",
                "-E", "UTF8", "--locale=C", "--no-sync");
        startServer();
    }

    private void startServer() throws IOException, InterruptedException {
        run(bin.resolve("pg_ctl").toString(), "-D", data().toString(), "-l", dir.resolve("server.log").toString(),
                "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off"
                        + " -c full_page_writes=off -c synchronous_commit=off",
                "-w", "-t", "60", "start");
    }

    /** Stops the server as a crash would ({@code -m immediate}) and starts it again on the same port. */
    public void restart() {
        try {
            stopServer();
            startServer();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("could not restart PostgreSQL", e);
        }
    }

    /** Stops the server ({@code -m immediate}) without removing its data; {@link #startAgain()} brings it back. */
    public void stopServer() throws IOException, InterruptedException {
        run(bin.resolve("pg_ctl").toString(), "-D", data().toString(), "-m", "immediate", "-w", "stop");
    }

    public void startAgain() throws IOException, InterruptedException {
        startServer();
    }

    private Path data() {
        return dir.resolve("data");
    }

    private void run(String... command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (asPostgresUser) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(List.of(command));
        Path log = Files.createTempFile("tradevault-pg-cmd", ".log");
        Process p = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            String output = Files.readString(log);
            Files.deleteIfExists(log);
            throw new IOException(String.join(" ", command) + " failed:\n" + output);
        }
        Files.deleteIfExists(log);
    }

    public int port() {
        return port;
    }

    /** A JDBC URL for {@code database} as the superuser {@code postgres} (trust authentication). */
    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=postgres";
    }

    /** Creates a fresh, empty database and returns its URL. */
    public String newDatabase() {
        String name = "t" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection c = DriverManager.getConnection(url("postgres")); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
        return url(name);
    }

    /**
     * A fresh database owned by a new role {@code role} that must log in
     * with {@code password} (SCRAM, from 127.0.0.1), for tests of the
     * password path; returns its URL, which names the role but never the
     * password. The password reaches the server over JDBC, never through a
     * process's arguments.
     */
    public String newDatabaseRequiringPassword(String role, String password) {
        String name = "t" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection c = DriverManager.getConnection(url("postgres")); Statement s = c.createStatement()) {
            s.execute("SET password_encryption = 'scram-sha-256'");
            s.execute("CREATE ROLE " + role + " LOGIN PASSWORD '" + password.replace("'", "''") + "'");
            s.execute("CREATE DATABASE " + name + " OWNER " + role);
            Path hba = data().resolve("pg_hba.conf");
            Files.writeString(hba, "host all " + role + " 127.0.0.1/32 scram-sha-256\n" + Files.readString(hba));
            s.execute("SELECT pg_reload_conf()");
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("could not create database " + name + " for role " + role, e);
        }
        awaitPasswordRequired(name, role);
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + name + "?user=" + role;
    }

    /** The server rereads pg_hba.conf a moment after the reload signal. */
    private void awaitPasswordRequired(String database, String role) {
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=" + role;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            try (Connection c = DriverManager.getConnection(url)) {
                Thread.sleep(50);
            } catch (SQLException e) {
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IllegalStateException("PostgreSQL still lets " + role + " in without a password after 30 s");
    }

    @Override
    public void close() {
        try {
            stopServer();
        } catch (IOException | InterruptedException e) {
            // already stopped; the directory goes anyway
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // temp dir; the OS cleans it eventually
        }
    }
}
