package io.ticketing.systemtest.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.ticketing.platform.test.TestNats;
import io.ticketing.platform.test.TestPostgres;

/**
 * The whole system, started once per test JVM from the built jars: every service is its own process on a
 * free port with a fresh database, all on a private nats-server with fresh JetStream streams. Tests reach it
 * only through the gateway's public HTTP API; the harness itself can kill -9 and restart any service, and
 * stop and restart NATS.
 */
public final class Stack {

    public static final List<String> SERVICES =
            List.of("user-service", "train-service", "ticket-service", "notification-service", "api-gateway");
    private static final String VERSION = "0.1.0-SNAPSHOT";

    private static Stack instance;

    private final Path root;
    private final Path workDir;
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, TestPostgres.Database> databases = new LinkedHashMap<>();
    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final Map<String, Long> startedAt = new LinkedHashMap<>();
    private final Map<String, Long> readyMillis = new LinkedHashMap<>();
    private final String adminEmail = "admin@system-test.local";
    private final String adminPassword = "Admin-" + UUID.randomUUID();
    private final int smtpPort;
    private final String natsUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Stack() throws IOException {
        root = findRoot();
        workDir = Files.createTempDirectory("ticketing-system-test");
        natsUrl = TestNats.url();
        smtpPort = freePort();
        for (String service : SERVICES) {
            ports.put(service, freePort());
            if (!service.equals("api-gateway")) {
                databases.put(service, TestPostgres.freshDatabase("st_" + service.replace("-service", "")));
            }
        }
    }

    /** The running stack, started on first use and stopped when the JVM exits. */
    public static synchronized Stack get() {
        if (instance == null) {
            try {
                Stack stack = new Stack();
                Runtime.getRuntime().addShutdownHook(new Thread(stack::stopAll));
                long started = System.nanoTime();
                SERVICES.forEach(stack::start);
                SERVICES.forEach(stack::awaitHealthy);
                System.out.printf("[system-tests] stack ready in %d ms%n", (System.nanoTime() - started) / 1_000_000);
                instance = stack;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    public String gatewayUrl() {
        return "http://127.0.0.1:" + ports.get("api-gateway");
    }

    public String adminEmail() {
        return adminEmail;
    }

    public String adminPassword() {
        return adminPassword;
    }

    /** Where a service answers directly, bypassing the gateway (for benchmarks). */
    public String serviceUrl(String service) {
        return "http://127.0.0.1:" + ports.get(service);
    }

    /** Milliseconds from process start to a healthy answer, for the last start of the service. */
    public long readyMillis(String service) {
        return readyMillis.getOrDefault(service, -1L);
    }

    public long pid(String service) {
        return processes.get(service).pid();
    }

    public TestPostgres.Database database(String service) {
        return databases.get(service);
    }

    public synchronized void start(String service) {
        Path jar = root.resolve(service).resolve("target").resolve(service + "-" + VERSION + "-exec.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("Missing " + jar + ": run the build (./mvnw verify) first");
        }
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PORT", String.valueOf(ports.get(service)));
        env.put("NATS_URL", natsUrl);
        env.put("JWKS_URL", "http://127.0.0.1:" + ports.get("user-service") + "/.well-known/jwks.json");
        TestPostgres.Database db = databases.get(service);
        if (db != null) {
            env.put("DB_URL", db.url());
            env.put("DB_USER", db.user());
            env.put("DB_PASSWORD", db.password());
        }
        switch (service) {
            case "user-service" -> {
                env.put("JWT_KEY_DIR", workDir.resolve("keys").toString());
                env.put("ADMIN_EMAIL", adminEmail);
                env.put("ADMIN_PASSWORD", adminPassword);
            }
            case "notification-service" -> {
                env.put("SMTP_EMBEDDED", "true");
                env.put("SMTP_PORT", String.valueOf(smtpPort));
            }
            case "api-gateway" -> {
                env.put("GATEWAY_PORT", String.valueOf(ports.get(service)));
                env.put("USER_SERVICE_URL", "http://127.0.0.1:" + ports.get("user-service"));
                env.put("TRAIN_SERVICE_URL", "http://127.0.0.1:" + ports.get("train-service"));
                env.put("TICKET_SERVICE_URL", "http://127.0.0.1:" + ports.get("ticket-service"));
                env.put("NOTIFICATION_SERVICE_URL", "http://127.0.0.1:" + ports.get("notification-service"));
                env.put("WEB_DIST", root.resolve("web/dist").toString());
                // system tests drive hundreds of users from one address: raise the limits, keep them on
                env.put("RATE_LIMIT_CAPACITY", "100000");
                env.put("RATE_LIMIT_PER_SECOND", "100000");
                env.put("RATE_LIMIT_AUTH_CAPACITY", "100000");
                env.put("RATE_LIMIT_AUTH_PER_SECOND", "100000");
            }
            default -> { }
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // tests favour start-up and memory; benchmarks pass their own flags
        command.addAll(List.of(System.getProperty("ticketing.stack.jvm-args",
                "-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k -Xmx384m").trim().split("\\s+")));
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile(service)));
        builder.environment().putAll(env);
        try {
            startedAt.put(service, System.nanoTime());
            processes.put(service, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public File logFile(String service) {
        Path logs = root.resolve("system-tests/target/stack-logs");
        try {
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return logs.resolve(service + ".log").toFile();
    }

    /** kill -9: no shutdown hooks, no graceful drain. */
    public synchronized void kill(String service) {
        Process process = processes.remove(service);
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public void restart(String service) {
        kill(service);
        start(service);
        awaitHealthy(service);
    }

    public void stopNats() {
        TestNats.controllable().stop();
    }

    public void startNats() {
        TestNats.controllable().start();
    }

    public void awaitHealthy(String service) {
        URI health = URI.create("http://127.0.0.1:" + ports.get(service) + "/actuator/health");
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            Process process = processes.get(service);
            if (process == null || !process.isAlive()) {
                throw new IllegalStateException(service + " exited; see " + logFile(service));
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("UP")) {
                    readyMillis.put(service, (System.nanoTime() - startedAt.get(service)) / 1_000_000);
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            sleep(250);
        }
        throw new IllegalStateException(service + " not healthy in 120 s; see " + logFile(service));
    }

    private synchronized void stopAll() {
        processes.values().forEach(Process::destroy);
        processes.values().forEach(p -> {
            try {
                p.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private static Path findRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("Cannot find the project root (mvnw) above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
