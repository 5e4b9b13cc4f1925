package com.tradevault.installer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real Debian bookworm booted by a real systemd in a container ({@code systemd-nspawn --boot}),
 * for the installer tests that must see what systemd itself does with our units. The root file
 * system is made once by debootstrap and kept in {@link #CACHE} (about 70 s to build, 250 MB); each
 * test boots its own copy. Commands go in with {@code nsenter} into the container's PID 1.
 */
final class BootedSystem implements AutoCloseable {

    /** Where the debootstrapped root is kept between runs (override: TRADEVAULT_TEST_ROOTFS_CACHE). */
    static final Path CACHE = Path.of(Optional.ofNullable(System.getenv("TRADEVAULT_TEST_ROOTFS_CACHE"))
            .orElse("/var/cache/tradevault-test/bookworm-systemd"));

    private static final Duration BOOT_LIMIT = Duration.ofSeconds(90);

    private final Path root;
    private final Path console;
    private Process nspawn;
    private long pid1;

    private BootedSystem(Path root, Path console) {
        this.root = root;
        this.console = console;
    }

    /** Whether this machine can boot one: root, systemd-nspawn and debootstrap. */
    static boolean possibleHere() {
        return new Shell().run("id", "-u").output().trim().equals("0") && Shell.onPath("systemd-nspawn")
                && Shell.onPath("debootstrap") && Shell.onPath("nsenter");
    }

    /** Boots a fresh copy of the cached root in {@code dir}. */
    static BootedSystem boot(Path dir) throws IOException, InterruptedException {
        Path cached = cachedRoot();
        Path root = dir.resolve("root");
        run("cp", "-a", cached.toString(), root.toString());
        BootedSystem system = new BootedSystem(root, dir.resolve("console.log"));
        system.start();
        return system;
    }

    /** The root file system inside, to put files in. */
    Path root() {
        return root;
    }

    /** Runs {@code script} with sh inside the container, as root. */
    Shell.Result sh(String script) {
        return new Shell().run("nsenter", "-t", Long.toString(pid1), "-a", "sh", "-c", script);
    }

    /** Runs {@code script} inside and fails the test unless it exits 0; returns what it printed. */
    String ok(String script) {
        Shell.Result r = sh(script);
        assertEquals(0, r.exitCode(), script + "\n" + r.output());
        return r.output();
    }

    /** Polls {@code script} until its output satisfies {@code done} or {@code limit} passes; returns the last output. */
    String await(String script, Predicate<String> done, Duration limit) throws InterruptedException {
        Instant end = Instant.now().plus(limit);
        String out = sh(script).output();
        while (!done.test(out) && Instant.now().isBefore(end)) {
            Thread.sleep(500);
            out = sh(script).output();
        }
        return out;
    }

    /** Reboots the container: systemd stops every unit, the container exits, and it boots again. */
    void reboot() throws IOException, InterruptedException {
        sh("systemctl reboot");
        if (!nspawn.waitFor(2, TimeUnit.MINUTES)) {
            throw new AssertionError("the container did not shut down for the reboot; see " + console);
        }
        start();
    }

    private void start() throws IOException, InterruptedException {
        privateNspawnRun();
        nspawn = new ProcessBuilder("systemd-nspawn", "--quiet", "-D", root.toString(), "--boot", "--register=no",
                "--keep-unit").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(console.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
        pid1 = awaitPid1();
        String state = await("systemctl is-system-running", s -> s.startsWith("running") || s.startsWith("degraded"),
                BOOT_LIMIT);
        if (!state.startsWith("running") && !state.startsWith("degraded")) {
            throw new AssertionError("the container did not finish booting (" + state.trim() + "); see " + console);
        }
    }

    private long awaitPid1() throws InterruptedException {
        Instant end = Instant.now().plus(BOOT_LIMIT);
        while (Instant.now().isBefore(end)) {
            Optional<ProcessHandle> child = nspawn.toHandle().children().findFirst();
            if (child.isPresent()) {
                return child.get().pid();
            }
            if (!nspawn.isAlive()) {
                throw new AssertionError("systemd-nspawn exited with " + nspawn.exitValue() + "; see " + console);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("systemd-nspawn started no container; see " + console);
    }

    /**
     * systemd-nspawn keeps its propagation folders under /run/systemd/nspawn and refuses to clean
     * them up unless that is a tmpfs, which it is not on a host that did not boot with systemd.
     */
    private static void privateNspawnRun() throws IOException, InterruptedException {
        Path dir = Path.of("/run/systemd/nspawn");
        Files.createDirectories(dir);
        if (!new Shell().run("stat", "-f", "-c", "%T", dir.toString()).output().trim().equals("tmpfs")) {
            run("mount", "-t", "tmpfs", "-o", "mode=0755", "tmpfs", dir.toString());
        }
    }

    /** The debootstrapped root, built on first use under a lock so that parallel builds wait for one. */
    private static Path cachedRoot() throws IOException, InterruptedException {
        Files.createDirectories(CACHE.getParent());
        Path done = CACHE.resolve(".complete");
        try (FileChannel lockFile = FileChannel.open(CACHE.getParent().resolve(".lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = lockFile.lock()) {
            if (!Files.exists(done)) {
                Path building = CACHE.resolveSibling(CACHE.getFileName() + ".building");
                run("rm", "-rf", building.toString(), CACHE.toString());
                // a clean environment: systemd's postinst reads variables such as CREDENTIALS_DIRECTORY
                debootstrap("--variant=minbase", "--include=systemd,systemd-sysv,dbus", "bookworm",
                        building.toString(), "http://deb.debian.org/debian");
                run("mv", building.toString(), CACHE.toString());
                Files.writeString(done, "debootstrap bookworm minbase + systemd\n");
            }
        }
        return CACHE;
    }

    private static void debootstrap(String... args) {
        Shell.Result r = new Shell().clean().env("PATH", "/usr/sbin:/usr/bin:/sbin:/bin").run(
                java.util.stream.Stream.concat(java.util.stream.Stream.of("debootstrap"), java.util.Arrays.stream(args))
                        .toArray());
        if (r.exitCode() != 0) {
            throw new AssertionError("debootstrap failed: " + r);
        }
    }

    private static void run(String... command) throws InterruptedException {
        Shell.Result r = new Shell().run((Object[]) command);
        if (r.exitCode() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed: " + r);
        }
    }

    /** Powers the container off (killing it if it does not stop) and removes its copy of the root. */
    @Override
    public void close() throws InterruptedException {
        if (nspawn != null && nspawn.isAlive()) {
            sh("systemctl poweroff");
            if (!nspawn.waitFor(60, TimeUnit.SECONDS)) {
                nspawn.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        new Shell().run("rm", "-rf", root.toString());
    }
}
