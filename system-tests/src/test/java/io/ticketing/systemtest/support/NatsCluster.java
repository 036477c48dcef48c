package io.ticketing.systemtest.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.ticketing.platform.test.TestNats;

/**
 * A three-node NATS JetStream cluster on localhost, private to the test JVM: free client, route and monitoring
 * ports, one store directory per node, {@code sync_interval: always} when the installed server knows it (2.10+).
 * A node can be killed and started again on the same ports and store, as an operator losing a machine would.
 */
public final class NatsCluster {

    public static final int SIZE = 3;

    private final String binary;
    private final Path dir;
    private final int[] clientPorts = new int[SIZE];
    private final int[] routePorts = new int[SIZE];
    private final int[] monitorPorts = new int[SIZE];
    private final Process[] processes = new Process[SIZE];
    private final boolean syncAlways;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    public NatsCluster() throws IOException {
        binary = findBinary();
        dir = Files.createTempDirectory("test-nats-cluster");
        for (int i = 0; i < SIZE; i++) {
            clientPorts[i] = freePort();
            routePorts[i] = freePort();
            monitorPorts[i] = freePort();
        }
        syncAlways = supportsSyncInterval(version(binary));
        for (int i = 0; i < SIZE; i++) {
            Files.createDirectories(dir.resolve("n" + i));
            Files.writeString(dir.resolve("n" + i + ".conf"), config(i));
        }
    }

    /** Every node's client URL, comma-separated, as services take them in {@code NATS_URL}. */
    public String urls() {
        List<String> urls = new ArrayList<>();
        for (int port : clientPorts) {
            urls.add("nats://127.0.0.1:" + port);
        }
        return String.join(",", urls);
    }

    public boolean syncAlways() {
        return syncAlways;
    }

    public synchronized void startAll() {
        for (int i = 0; i < SIZE; i++) {
            launch(i);
        }
        for (int i = 0; i < SIZE; i++) {
            awaitHealthy(i);
        }
    }

    /** Starts a stopped node and waits until it is healthy again: routed, JetStream current. */
    public synchronized void start(int node) {
        launch(node);
        awaitHealthy(node);
    }

    /** kill -9 of one node. */
    public synchronized void kill(int node) {
        Process process = processes[node];
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            processes[node] = null;
        }
    }

    public synchronized void stopAll() {
        for (int i = 0; i < SIZE; i++) {
            Process process = processes[i];
            if (process != null) {
                process.destroy();
            }
        }
        for (int i = 0; i < SIZE; i++) {
            Process process = processes[i];
            if (process != null) {
                try {
                    process.waitFor();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                processes[i] = null;
            }
        }
    }

    /** The node's monitoring document ({@code /jsz}, {@code /varz}...), for checks on its JetStream state. */
    public String monitor(int node, String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + monitorPorts[node] + path))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void launch(int node) {
        if (processes[node] != null && processes[node].isAlive()) {
            return;
        }
        try {
            processes[node] = new ProcessBuilder(binary, "-c", dir.resolve("n" + node + ".conf").toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("n" + node + ".log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitHealthy(int node) {
        URI health = URI.create("http://127.0.0.1:" + monitorPorts[node] + "/healthz");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (processes[node] == null || !processes[node].isAlive()) {
                throw new IllegalStateException("nats node " + node + " exited; see "
                        + dir.resolve("n" + node + ".log"));
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(health)
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            Stack.sleep(200);
        }
        throw new IllegalStateException("nats node " + node + " not healthy in 60 s; see "
                + dir.resolve("n" + node + ".log"));
    }

    private String config(int node) {
        String routes = IntStream.range(0, SIZE)
                .mapToObj(i -> "    nats-route://127.0.0.1:" + routePorts[i])
                .collect(Collectors.joining("\n"));
        return """
                server_name: n%d
                listen: 127.0.0.1:%d
                http: 127.0.0.1:%d
                jetstream {
                  store_dir: "%s"
                %s}
                cluster {
                  name: system-test
                  listen: 127.0.0.1:%d
                  routes: [
                %s
                  ]
                }
                """.formatted(node, clientPorts[node], monitorPorts[node], dir.resolve("n" + node),
                syncAlways ? "  sync_interval: always\n" : "", routePorts[node], routes);
    }

    /** {@code sync_interval} exists from nats-server 2.10 on; older servers refuse to start with it. */
    static boolean supportsSyncInterval(String version) {
        Matcher m = Pattern.compile("(\\d+)\\.(\\d+)").matcher(version);
        if (!m.find()) {
            return false;
        }
        int major = Integer.parseInt(m.group(1));
        int minor = Integer.parseInt(m.group(2));
        return major > 2 || (major == 2 && minor >= 10);
    }

    private static String version(String binary) {
        try {
            Process p = new ProcessBuilder(binary, "--version").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            return out.trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static String findBinary() {
        String binary = TestNats.findBinary();
        if (binary == null) {
            throw new IllegalStateException("The scale-out tests need a nats-server binary (./ticketing installs it)");
        }
        return binary;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
