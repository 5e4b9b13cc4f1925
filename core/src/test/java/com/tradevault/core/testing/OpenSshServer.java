package com.tradevault.core.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real SFTP server for tests: Debian's OpenSSH {@code sshd} started from
 * {@code /usr/sbin/sshd} with its own configuration in a temp dir (a generated
 * host key, one authorized client key, {@code Subsystem sftp internal-sftp}),
 * listening on a free port on 127.0.0.1, stopped by {@link #close()}. The
 * system's own sshd and its configuration are never touched. The client key
 * and a known_hosts file for any port (the server's, or a proxy's in front
 * of it) are files the test hands to the replicator.
 */
public final class OpenSshServer implements AutoCloseable {

    private final Path dir;
    private final int port;
    private final Process sshd;

    private OpenSshServer(Path dir, int port, Process sshd) {
        this.dir = dir;
        this.port = port;
        this.sshd = sshd;
    }

    /** Starts a server; its files live in {@code dir}. */
    public static OpenSshServer start(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        keygen(dir.resolve("host_ed25519"));
        keygen(dir.resolve("id_ed25519"));
        Path authorized = dir.resolve("authorized_keys");
        Files.copy(dir.resolve("id_ed25519.pub"), authorized);
        Files.setPosixFilePermissions(authorized, PosixFilePermissions.fromString("rw-------"));
        // sshd running as root wants its privilege separation directory (the Debian unit makes it at start)
        Files.createDirectories(Path.of("/run/sshd"));
        int port = freePort();
        Files.writeString(dir.resolve("sshd_config"), String.join("\n",
                "Port " + port, "ListenAddress 127.0.0.1", "HostKey " + dir.resolve("host_ed25519"),
                "PidFile " + dir.resolve("sshd.pid"), "AuthorizedKeysFile " + authorized, "StrictModes no",
                "PasswordAuthentication no", "KbdInteractiveAuthentication no", "UsePAM no",
                "PermitRootLogin prohibit-password", "Subsystem sftp internal-sftp", "LogLevel ERROR",
                "MaxStartups 100", ""));
        Process sshd = new ProcessBuilder("/usr/sbin/sshd", "-D", "-e", "-f", dir.resolve("sshd_config").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("sshd.log").toFile()).start();
        OpenSshServer server = new OpenSshServer(dir, port, sshd);
        server.awaitListening();
        return server;
    }

    /** The port sshd listens on. */
    public int port() {
        return port;
    }

    /** The user the client key logs in as: the one running the tests. */
    public String user() {
        return System.getProperty("user.name");
    }

    /** The client's private key file (mode 0600). */
    public Path clientKey() {
        return dir.resolve("id_ed25519");
    }

    /** A known_hosts file that holds the server's host key for 127.0.0.1 on {@code port}. */
    public Path knownHostsFor(int port) throws IOException {
        String hostKey = Files.readString(dir.resolve("host_ed25519.pub"), StandardCharsets.US_ASCII).trim();
        Path file = dir.resolve("known_hosts-" + port);
        Files.writeString(file, "[127.0.0.1]:" + port + " " + hostKey.substring(0, hostKey.lastIndexOf(' ')) + "\n");
        return file;
    }

    /** The sftp:// URL of a folder on this server, reached through {@code port}. */
    public String url(int port, Path folder) {
        return "sftp://" + user() + "@127.0.0.1:" + port + folder.toAbsolutePath();
    }

    /** What sshd logged (errors only). */
    public String log() throws IOException {
        return Files.readString(dir.resolve("sshd.log"));
    }

    private void awaitListening() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!sshd.isAlive()) {
                throw new IOException("sshd exited with " + sshd.exitValue() + ": " + log());
            }
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IOException("sshd did not listen on port " + port + " within 20 s: " + log());
    }

    private static void keygen(Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "tradevault-test",
                "-f", file.toString())).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("ssh-keygen failed: " + out);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Stops sshd and the sessions it forked (they share its process group only under a shell, so each is ended). */
    @Override
    public void close() {
        sshd.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        sshd.destroyForcibly();
        try {
            sshd.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
