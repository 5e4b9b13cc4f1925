package com.tradevault.app.alerts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A real SMTP server in its own process: aiosmtpd (Debian's
 * python3-aiosmtpd, run by /usr/bin/python3) with a self-signed certificate
 * made by openssl, requiring STARTTLS and then AUTH with one user. Every
 * accepted message lands as a file in {@link #maildir()}.
 */
public final class SmtpServer implements AutoCloseable {

    public static final String USER = "alerts@example.test";

    private final Process process;
    private final Path dir;
    private final int port;

    public SmtpServer(Path dir, String password) throws IOException, InterruptedException {
        this.dir = dir;
        Files.createDirectories(maildir());
        run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", dir.resolve("key.pem").toString(),
                "-out", certificate().toString(), "-days", "2", "-subj", "/CN=localhost",
                "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost");
        Path script = dir.resolve("smtp-server.py");
        try (var in = SmtpServer.class.getResourceAsStream("/alerts/smtp-server.py")) {
            Files.write(script, in.readAllBytes());
        }
        this.process = new ProcessBuilder("/usr/bin/python3", script.toString(), certificate().toString(),
                dir.resolve("key.pem").toString(), USER, password, maildir().toString())
                .redirectError(dir.resolve("smtp.log").toFile()).start();
        String first = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))
                .readLine();
        if (first == null || !first.startsWith("listening ")) {
            throw new IllegalStateException("the SMTP server did not start: " + first + "\n"
                    + Files.readString(dir.resolve("smtp.log")));
        }
        this.port = Integer.parseInt(first.substring("listening ".length()).trim());
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
    }

    public int port() {
        return port;
    }

    /** The server's certificate (PEM), for alerts.email.trust-certificate-file. */
    public Path certificate() {
        return dir.resolve("cert.pem");
    }

    public Path maildir() {
        return dir.resolve("mail");
    }

    /** The accepted messages, oldest first. */
    public List<String> messages() throws IOException {
        try (Stream<Path> files = Files.list(maildir())) {
            List<Path> eml = new ArrayList<>(files.filter(f -> f.toString().endsWith(".eml")).toList());
            eml.sort((a, b) -> Integer.compare(number(a), number(b)));
            List<String> texts = new ArrayList<>();
            for (Path f : eml) {
                texts.add(Files.readString(f, StandardCharsets.UTF_8));
            }
            return texts;
        }
    }

    private static int number(Path eml) {
        String name = eml.getFileName().toString();
        return Integer.parseInt(name.substring(0, name.indexOf('.')));
    }

    /** Waits until a message containing {@code part} arrived. */
    public boolean await(String part, Duration timeout) throws IOException, InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (messages().stream().anyMatch(m -> m.contains(part))) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }
}
