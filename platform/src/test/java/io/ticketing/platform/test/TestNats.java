package io.ticketing.platform.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real NATS JetStream server for tests. When a {@code nats-server} binary is installed, each test JVM
 * runs its own on a free port with its own store, so test runs never share streams and a test may stop and
 * restart it (outages). Otherwise it uses {@code NATS_URL} (default nats://127.0.0.1:4222).
 */
public final class TestNats {

    private static TestNats shared;

    private final int port;
    private final Path storeDir;
    private final String binary;
    private Process process;

    private TestNats(String binary, int port, Path storeDir) {
        this.binary = binary;
        this.port = port;
        this.storeDir = storeDir;
    }

    /** The JVM-wide server, started on first use. */
    public static synchronized String url() {
        if (shared == null) {
            String binary = findBinary();
            if (binary == null) {
                return TestPostgres.env("NATS_URL", "nats://127.0.0.1:4222");
            }
            try {
                shared = new TestNats(binary, freePort(), Files.createTempDirectory("test-nats"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            shared.start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop));
        }
        return "nats://127.0.0.1:" + shared.port;
    }

    /** The JVM's own server; fails when tests run against an external one that cannot be restarted. */
    public static synchronized TestNats controllable() {
        url();
        if (shared == null) {
            throw new IllegalStateException("No nats-server binary: cannot stop and start NATS in this test");
        }
        return shared;
    }

    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        try {
            process = new ProcessBuilder(List.of(binary, "-a", "127.0.0.1", "-p", String.valueOf(port), "-js",
                    "-sd", storeDir.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(storeDir.resolve("nats.log").toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitPort(true);
    }

    public synchronized void stop() {
        if (process != null) {
            process.destroy();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    private void awaitPort(boolean open) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                if (open) {
                    return;
                }
            } catch (IOException e) {
                if (!open) {
                    return;
                }
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IllegalStateException("nats-server did not start on port " + port);
    }

    /** The nats-server binary of this machine (Debian's places, then PATH), or null when there is none. */
    public static String findBinary() {
        for (String candidate : List.of("/usr/sbin/nats-server", "/usr/bin/nats-server",
                "/usr/local/bin/nats-server")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(":")) {
                Path p = Path.of(dir, "nats-server");
                if (Files.isExecutable(p)) {
                    return p.toString();
                }
            }
        }
        return null;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
