package com.tradevault.app.dashboard;

import com.tradevault.core.Outcome;
import com.tradevault.core.TradevaultException;
import com.tradevault.core.config.SettingsReader;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The dashboard's settings (section {@code dashboard}), read and checked
 * once: where it listens, whether a non-loopback address is allowed (only
 * with TLS), and how often the page refreshes.
 *
 * @param host        address to listen on
 * @param port        port to listen on
 * @param remote      whether the address is not a loopback one (then TLS is configured)
 * @param tls         the PKCS#12 keystore and its password file, when TLS is on
 * @param refresh     how often the page asks for fresh data
 */
public record DashboardSettings(String host, int port, boolean remote, Optional<Tls> tls, Duration refresh) {

    /** The default address: loopback only, reached from a laptop through an SSH tunnel. */
    public static final String DEFAULT_LISTEN = "127.0.0.1:8780";

    /** A PKCS#12 keystore holding the certificate and key, and the file holding its password. */
    public record Tls(Path keystoreFile, Path passwordFile) {
    }

    /**
     * Reads the section, collecting problems in {@code reader}; {@code listen}
     * (the {@code --listen} option) replaces {@code dashboard.listen} when given.
     */
    public static DashboardSettings read(SettingsReader reader, Optional<String> listen) {
        String address = listen.orElseGet(() -> reader.string("dashboard.listen")).trim();
        boolean allowRemote = reader.onOff("dashboard.allow-remote");
        Optional<Tls> tls = tls(reader);
        Duration refresh = reader.durationBetween("dashboard.refresh", Duration.ofMillis(500), Duration.ofHours(1));
        Problems problems = listen.isPresent() ? Problems.usage("--listen " + address)
                : Problems.config(reader, "dashboard.listen");
        int colon = address.lastIndexOf(':');
        int port = colon < 0 ? -1 : port(address.substring(colon + 1));
        String host = colon < 0 ? "" : address.substring(0, colon).replace("[", "").replace("]", "");
        if (host.isEmpty() || port < 0) {
            problems.report("must be HOST:PORT with a port from 1 to 65535 (0: any free port), such as "
                    + DEFAULT_LISTEN);
            return new DashboardSettings("127.0.0.1", 8780, false, tls, refresh);
        }
        boolean remote = !loopback(host);
        if (remote && !allowRemote) {
            problems.report("is not a loopback address: reach the dashboard through an SSH tunnel"
                    + " (docs/dashboard.md), or set dashboard.allow-remote = on and configure TLS"
                    + " (dashboard.tls.keystore-file)");
        } else if (remote && tls.isEmpty()) {
            problems.report("is not a loopback address, and dashboard.allow-remote = on needs TLS: set"
                    + " dashboard.tls.keystore-file (PKCS#12) and dashboard.tls.password-file");
        }
        return new DashboardSettings(host, port, remote, tls, refresh);
    }

    /** Where a bad address is reported: among the configuration's problems, or as bad usage of --listen. */
    private interface Problems {
        void report(String rule);

        static Problems config(SettingsReader reader, String key) {
            return rule -> reader.problem(key, rule, null);
        }

        static Problems usage(String what) {
            return rule -> {
                throw new TradevaultException(Outcome.BAD_USAGE, what + ": " + rule, "use a loopback address such as "
                        + DEFAULT_LISTEN + " and an SSH tunnel (docs/dashboard.md)");
            };
        }
    }

    private static Optional<Tls> tls(SettingsReader reader) {
        Optional<Path> keystore = reader.optionalPath("dashboard.tls.keystore-file");
        Optional<Path> password = reader.optionalPath("dashboard.tls.password-file");
        if (keystore.isEmpty()) {
            return Optional.empty();
        }
        readable(reader, "dashboard.tls.keystore-file", keystore.get());
        if (password.isEmpty()) {
            reader.problem("dashboard.tls.password-file", "must name the file holding the keystore's password when"
                    + " dashboard.tls.keystore-file is set", null);
            return Optional.empty();
        }
        readable(reader, "dashboard.tls.password-file", password.get());
        return Optional.of(new Tls(keystore.get(), password.get()));
    }

    private static void readable(SettingsReader reader, String key, Path file) {
        if (!Files.isReadable(file)) {
            reader.problem(key, "no readable file at " + file.toAbsolutePath()
                    + ": create it or give the user running tradevault read access", null);
        }
    }

    private static int port(String text) {
        try {
            int p = Integer.parseInt(text);
            return p >= 0 && p <= 65535 ? p : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Whether {@code host} names only this machine; an unknown name is not. */
    static boolean loopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** {@code http(s)://host:port}, for the address the command prints. */
    public String baseUrl() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return (tls.isPresent() ? "https" : "http") + "://" + h + ":" + port;
    }
}
