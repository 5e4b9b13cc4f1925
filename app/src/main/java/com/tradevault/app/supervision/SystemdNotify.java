package com.tradevault.app.supervision;

import java.io.File;
import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.newsclub.net.unix.AFUNIXDatagramChannel;
import org.newsclub.net.unix.AFUNIXSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * systemd's notify protocol (sd_notify(3)): one datagram per message to the
 * Unix socket named by {@code NOTIFY_SOCKET} (a path, or {@code @name} in the
 * abstract namespace). The watchdog interval comes from {@code WATCHDOG_USEC},
 * and applies only when {@code WATCHDOG_PID} is unset or this process. A
 * message that cannot be sent is logged, never thrown: telling systemd must
 * not stop trading (a missed watchdog message ends in a restart anyway).
 */
final class SystemdNotify implements Supervisor {

    private static final Logger LOG = LoggerFactory.getLogger(SystemdNotify.class);

    private final SocketAddress socket;
    private final Optional<Duration> watchdog;
    private final AFUNIXDatagramChannel channel;

    private SystemdNotify(SocketAddress socket, Optional<Duration> watchdog) throws IOException {
        this.socket = socket;
        this.watchdog = watchdog;
        this.channel = AFUNIXDatagramChannel.open();
    }

    static Optional<SystemdNotify> fromEnvironment(Map<String, String> env) {
        String path = env.getOrDefault("NOTIFY_SOCKET", "");
        if (path.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new SystemdNotify(address(path), watchdog(env)));
        } catch (IOException e) {
            LOG.warn("cannot talk to systemd at NOTIFY_SOCKET={} ({}); running without its watchdog", path,
                    e.getMessage());
            return Optional.empty();
        }
    }

    private static SocketAddress address(String path) throws IOException {
        return path.startsWith("@") ? AFUNIXSocketAddress.inAbstractNamespace(path.substring(1))
                : AFUNIXSocketAddress.of(new File(path));
    }

    private static Optional<Duration> watchdog(Map<String, String> env) {
        String pid = env.getOrDefault("WATCHDOG_PID", "");
        if (!pid.isEmpty() && !pid.equals(Long.toString(ProcessHandle.current().pid()))) {
            return Optional.empty();
        }
        try {
            long usec = Long.parseLong(env.getOrDefault("WATCHDOG_USEC", "0"));
            return usec > 0 ? Optional.of(Duration.ofNanos(usec * 1000 / 2)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public void ready(String status) {
        send("READY=1\nSTATUS=" + status);
    }

    @Override
    public void alive() {
        if (watchdog.isPresent()) {
            send("WATCHDOG=1");
        }
    }

    @Override
    public void status(String status) {
        send("STATUS=" + status);
    }

    @Override
    public void startingFor(Duration more) {
        send("EXTEND_TIMEOUT_USEC=" + more.toNanos() / 1000);
    }

    @Override
    public void stopping() {
        send("STOPPING=1");
    }

    @Override
    public Optional<Duration> aliveEvery() {
        return watchdog;
    }

    private synchronized void send(String message) {
        try {
            channel.send(ByteBuffer.wrap(message.getBytes(StandardCharsets.UTF_8)), socket);
        } catch (IOException e) {
            LOG.warn("could not tell systemd '{}': {}", message.lines().findFirst().orElse(""), e.getMessage());
        }
    }
}
