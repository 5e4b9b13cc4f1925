package com.tradevault.app.supervision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.File;
import java.net.DatagramPacket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsclub.net.unix.AFUNIXDatagramSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/** The notify protocol spoken to a real AF_UNIX datagram socket, as systemd listens on one. */
class SystemdNotifyTest {

    @TempDir
    Path dir;

    @Test
    void readyAliveStatusAndStoppingArriveAsSystemdExpectsThem() throws Exception {
        File path = dir.resolve("notify").toFile();
        try (AFUNIXDatagramSocket systemd = AFUNIXDatagramSocket.newInstance()) {
            systemd.bind(AFUNIXSocketAddress.of(path));
            Supervisor s = Supervisor.fromEnvironment(Map.of("NOTIFY_SOCKET", path.getPath(),
                    "WATCHDOG_USEC", "30000000", "WATCHDOG_PID", Long.toString(ProcessHandle.current().pid())));

            s.ready("reconciled; trading BTCUSDT");
            s.alive();
            s.startingFor(Duration.ofSeconds(90));
            s.status("waiting");
            s.stopping();

            assertEquals("READY=1\nSTATUS=reconciled; trading BTCUSDT", receive(systemd));
            assertEquals("WATCHDOG=1", receive(systemd));
            assertEquals("EXTEND_TIMEOUT_USEC=90000000", receive(systemd));
            assertEquals("STATUS=waiting", receive(systemd));
            assertEquals("STOPPING=1", receive(systemd));
            assertEquals(Optional.of(Duration.ofSeconds(15)), s.aliveEvery());
        }
    }

    @Test
    void anAbstractSocketNameIsReached() throws Exception {
        String name = "tradevault-test-" + ProcessHandle.current().pid();
        try (AFUNIXDatagramSocket systemd = AFUNIXDatagramSocket.newInstance()) {
            systemd.bind(AFUNIXSocketAddress.inAbstractNamespace(name));
            Supervisor.fromEnvironment(Map.of("NOTIFY_SOCKET", "@" + name)).ready("up");
            assertEquals("READY=1\nSTATUS=up", receive(systemd));
        }
    }

    @Test
    void withoutNotifySocketNothingIsSentAndThereIsNoWatchdog() {
        assertSame(Supervisor.NONE, Supervisor.fromEnvironment(Map.of("WATCHDOG_USEC", "30000000")));
        assertEquals(Optional.empty(), Supervisor.NONE.aliveEvery());
    }

    @Test
    void aWatchdogMeantForAnotherProcessIsNotOurs() {
        Supervisor s = Supervisor.fromEnvironment(Map.of("NOTIFY_SOCKET", dir.resolve("n").toString(),
                "WATCHDOG_USEC", "30000000", "WATCHDOG_PID", "1"));
        assertEquals(Optional.empty(), s.aliveEvery());
    }

    private static String receive(AFUNIXDatagramSocket socket) throws Exception {
        socket.setSoTimeout(5000);
        DatagramPacket p = new DatagramPacket(new byte[4096], 4096);
        socket.receive(p);
        return new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8);
    }
}
