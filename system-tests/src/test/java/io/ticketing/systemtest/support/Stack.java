package io.ticketing.systemtest.support;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.ticketing.platform.test.TestNats;
import io.ticketing.platform.test.TestPostgres;

/**
 * The whole system, started once per test JVM from the built jars: every service is its own process on a
 * free port with a fresh database, all on a private nats-server with fresh JetStream streams. Tests reach it
 * only through the gateway's public HTTP API; the harness itself can kill -9 and restart any service, and
 * stop and restart NATS.
 * <p>
 * Its shape comes from system properties, so a separate test JVM can run it scaled out:
 * {@code ticketing.stack.replicas} instances of every service but the gateway (default 1; replica k > 1 of a
 * service is the instance {@code <service>-k}, sharing the service's database), and
 * {@code ticketing.stack.nats-cluster=true} for a private three-node JetStream cluster with R3 streams
 * instead of the single nats-server.
 */
public final class Stack {

    public static final List<String> SERVICES =
            List.of("user-service", "train-service", "ticket-service", "notification-service", "api-gateway");
    private static final String VERSION = "0.1.0-SNAPSHOT";
    /** Per jar, whether it holds Spring AOT's prepared context: read once, not at every (re)start of an instance. */
    private static final Map<Path, Boolean> AOT_CONTEXT = new ConcurrentHashMap<>();

    private static Stack instance;

    private final Path root;
    private final Path workDir;
    private final int replicas = Integer.getInteger("ticketing.stack.replicas", 1);
    private final Map<String, List<String>> instances = new LinkedHashMap<>();
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, Integer> smtpPorts = new LinkedHashMap<>();
    private final Map<String, TestPostgres.Database> databases = new LinkedHashMap<>();
    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final Map<String, Long> startedAt = new LinkedHashMap<>();
    private final Map<String, Long> readyMillis = new LinkedHashMap<>();
    private final Map<String, List<String>> extraJvmArgs = new LinkedHashMap<>();
    private final String adminEmail = "admin@system-test.local";
    private final String adminPassword = "Admin-" + UUID.randomUUID();
    private final String natsUrl;
    private final NatsCluster natsCluster;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Stack() throws IOException {
        root = findRoot();
        workDir = Files.createTempDirectory("ticketing-system-test");
        if (Boolean.getBoolean("ticketing.stack.nats-cluster")) {
            natsCluster = new NatsCluster();
            natsCluster.startAll();
            natsUrl = natsCluster.urls();
        } else {
            natsCluster = null;
            natsUrl = TestNats.url();
        }
        for (String service : SERVICES) {
            List<String> names = new ArrayList<>();
            int count = service.equals("api-gateway") ? 1 : replicas;
            for (int k = 1; k <= count; k++) {
                String instance = k == 1 ? service : service + "-" + k;
                names.add(instance);
                ports.put(instance, freePort());
                smtpPorts.put(instance, freePort());
            }
            instances.put(service, List.copyOf(names));
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
                List<String> all = SERVICES.stream().flatMap(s -> stack.instances(s).stream()).toList();
                all.forEach(stack::start);
                all.forEach(stack::awaitHealthy);
                System.out.printf("[system-tests] stack ready in %d ms: %s on %s%n",
                        (System.nanoTime() - started) / 1_000_000,
                        all, stack.natsCluster == null ? "one nats-server" : "a 3-node NATS cluster");
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

    /** Whether this JVM's stack is scaled out (replicas or a NATS cluster), as its system properties ask. */
    public static boolean scaledOut() {
        return Integer.getInteger("ticketing.stack.replicas", 1) > 1
                || Boolean.getBoolean("ticketing.stack.nats-cluster");
    }

    /** The instances of a service: itself, then {@code <service>-2}... when it runs replicated. */
    public List<String> instances(String service) {
        return instances.get(service);
    }

    /** The private NATS cluster, when the stack runs on one ({@code ticketing.stack.nats-cluster}). */
    public NatsCluster natsCluster() {
        if (natsCluster == null) {
            throw new IllegalStateException("This stack runs on one nats-server; set ticketing.stack.nats-cluster");
        }
        return natsCluster;
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

    /**
     * The executable jar unpacked with Spring Boot's jar tools (a thin jar beside its lib/ folder), as the
     * Dockerfile runs it. Running the fat jar directly lets class loading through Boot's nested-jar loader hang
     * under virtual threads (spring-projects/spring-boot#51463, open); the unpacked layout uses the JDK's loader.
     */
    private Path extracted(Path fatJar) {
        if (!Files.exists(fatJar)) {
            throw new IllegalStateException("Missing " + fatJar + ": run the build (./mvnw verify) first");
        }
        Path dir = fatJar.resolveSibling("extracted");
        Path thin = dir.resolve(fatJar.getFileName());
        // the build is reproducible: unpack again only when the jar's bytes changed, as ./ticketing does, so the
        // AOT cache it keeps beside the unpacked jar survives
        Path checksum = dir.resolve(".jar.sha256");
        try {
            String sum = sha256(fatJar);
            if (!Files.exists(thin) || !Files.exists(checksum) || !Files.readString(checksum).strip().equals(sum)) {
                if (Files.exists(dir)) {
                    try (var paths = Files.walk(dir)) {
                        paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                    }
                }
                Process tool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Djarmode=tools", "-jar", fatJar.toString(), "extract", "--destination", dir.toString())
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (tool.waitFor() != 0 || !Files.exists(thin)) {
                    throw new IllegalStateException("Cannot extract " + fatJar);
                }
                Files.writeString(checksum, sum + "\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return thin;
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    /** Starts an instance: a service (its first replica) or a further replica such as {@code ticket-service-2}. */
    public synchronized void start(String instance) {
        ProcessBuilder builder = processOf(instance, extraJvmArgs.getOrDefault(serviceOf(instance), List.of()))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile(instance)));
        try {
            startedAt.put(instance, System.nanoTime());
            processes.put(instance, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** JVM flags added to the next starts of every instance of the service (benchmarks compare flags). */
    public synchronized void addJvmArgs(String service, List<String> args) {
        extraJvmArgs.computeIfAbsent(service, s -> new ArrayList<>()).addAll(args);
    }

    /** The unpacked jar the service's instances run. */
    public Path jar(String service) {
        return extracted(root.resolve(service).resolve("target").resolve(service + "-" + VERSION + "-exec.jar"));
    }

    /**
     * Runs the instance's process with extra JVM flags to its end (a training run, say) and returns its exit code.
     * The instance itself should be stopped first: both would use the same port.
     */
    public int runToExit(String instance, List<String> jvmArgs, Duration timeout) {
        try {
            Process process = processOf(instance, jvmArgs)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile(instance + "-run"))).start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(instance + " did not exit in " + timeout);
            }
            return process.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private ProcessBuilder processOf(String instance, List<String> extraArgs) {
        String service = serviceOf(instance);
        Path jar = jar(service);
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PORT", String.valueOf(ports.get(instance)));
        env.put("NATS_URL", natsUrl);
        if (natsCluster != null) {
            env.put("NATS_REPLICAS", String.valueOf(NatsCluster.SIZE));
        }
        // replicated, the keys are fetched through the gateway, which reaches whichever user-service replica is up
        env.put("JWKS_URL", (replicas > 1 ? gatewayUrl() : "http://127.0.0.1:" + ports.get("user-service"))
                + "/.well-known/jwks.json");
        TestPostgres.Database db = databases.get(service);
        if (db != null) {
            env.put("DB_URL", db.url());
            env.put("DB_USER", db.user());
            env.put("DB_PASSWORD", db.password());
            if (replicas > 1) {
                // replicas share PostgreSQL's connection limit (100 by default) with every other test run
                env.put("DB_POOL_SIZE", "6");
            }
        }
        switch (service) {
            case "user-service" -> {
                env.put("JWT_KEY_DIR", workDir.resolve("keys").toString());
                env.put("ADMIN_EMAIL", adminEmail);
                env.put("ADMIN_PASSWORD", adminPassword);
            }
            case "notification-service" -> {
                env.put("SMTP_EMBEDDED", "true");
                env.put("SMTP_PORT", String.valueOf(smtpPorts.get(instance)));
            }
            case "api-gateway" -> {
                env.put("GATEWAY_PORT", String.valueOf(ports.get(instance)));
                env.put("USER_SERVICE_URL", urls("user-service"));
                env.put("TRAIN_SERVICE_URL", urls("train-service"));
                env.put("TICKET_SERVICE_URL", urls("ticket-service"));
                env.put("NOTIFICATION_SERVICE_URL", urls("notification-service"));
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
        // one service's own flags, after the common ones so that they win (e.g. the gateway with C2)
        String own = System.getProperty("ticketing.stack.jvm-args." + serviceOf(instance), "").trim();
        if (!own.isEmpty()) {
            command.addAll(List.of(own.split("\\s+")));
        }
        command.addAll(extraArgs);
        if (AOT_CONTEXT.computeIfAbsent(jar, Stack::hasAotContext)) {
            command.add("-Dspring.aot.enabled=true");
        }
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        return builder;
    }

    /** Whether the build prepared the service's context ahead of time (Spring AOT: opt-in per module, see pom.xml). */
    private static boolean hasAotContext(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.stream().anyMatch(entry -> entry.getName().endsWith("__ApplicationContextInitializer.class"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every replica's base URL, comma-separated, as the gateway takes them. */
    private String urls(String service) {
        return instances(service).stream().map(i -> "http://127.0.0.1:" + ports.get(i))
                .collect(Collectors.joining(","));
    }

    private static String serviceOf(String instance) {
        return SERVICES.stream().filter(s -> instance.equals(s) || instance.matches(Pattern.quote(s) + "-\\d+"))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("No such service instance: " + instance));
    }

    public File logFile(String service) {
        Path logs = root.resolve(scaledOut() ? "system-tests/target/stack-logs-scale-out"
                : "system-tests/target/stack-logs");
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

    /**
     * Leaves a service's database read-only, as a failover does while clients still reach the demoted primary or a
     * standby not yet promoted: its sessions are cut and every write in a new one fails at once (SQLSTATE 25006),
     * until {@link #makeDatabaseWritable}. The service itself keeps running.
     */
    public void makeDatabaseReadOnly(String service) {
        TestPostgres.Database db = databases.get(service);
        onServer(db, "ALTER DATABASE " + db.name() + " SET default_transaction_read_only = on",
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + db.name() + "'");
    }

    public void makeDatabaseWritable(String service) {
        TestPostgres.Database db = databases.get(service);
        onServer(db, "ALTER DATABASE " + db.name() + " RESET default_transaction_read_only",
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + db.name() + "'");
    }

    private static void onServer(TestPostgres.Database db, String... statements) {
        String serverUrl = db.url().substring(0, db.url().lastIndexOf('/') + 1) + "postgres";
        try (Connection c = DriverManager.getConnection(serverUrl, db.user(), db.password());
             Statement st = c.createStatement()) {
            for (String statement : statements) {
                st.execute(statement);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot change database " + db.name() + ": " + e.getMessage(), e);
        }
    }

    public void stopNats() {
        natsUnclustered();
        TestNats.controllable().stop();
    }

    public void startNats() {
        natsUnclustered();
        TestNats.controllable().start();
    }

    private void natsUnclustered() {
        if (natsCluster != null) {
            throw new IllegalStateException("On the NATS cluster, stop and start single nodes: natsCluster()");
        }
    }

    public void awaitHealthy(String service) {
        URI health = URI.create("http://127.0.0.1:" + ports.get(service) + "/actuator/health");
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            Process process = processes.get(service);
            if (process == null || !process.isAlive()) {
                throw new IllegalStateException(service + " exited; see " + logFile(service) + diagnosis(service));
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
            // often enough that the measured time to ready is not mostly waiting for the next look
            sleep(50);
        }
        String mainThread = mainThread(threadDump(service));
        throw new IllegalStateException(service + " not healthy in 120 s; see " + logFile(service) + diagnosis(service)
                + "\nits main thread:\n" + mainThread);
    }

    /**
     * The end of the instance's log, for the failure message: CI keeps the build's output, not the target folder,
     * so a service that failed to start must say why there.
     */
    private String diagnosis(String service) {
        try {
            List<String> lines = Files.readAllLines(logFile(service).toPath(), StandardCharsets.ISO_8859_1);
            List<String> tail = lines.subList(Math.max(0, lines.size() - 60), lines.size());
            return "; its log ends with:\n" + String.join("\n", tail);
        } catch (IOException e) {
            return "; its log cannot be read: " + e;
        }
    }

    /** The threads of a live instance (jcmd), to show where a start that never ends stands. */
    private String threadDump(String service) {
        Process process = processes.get(service);
        if (process == null || !process.isAlive()) {
            return "";
        }
        try {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    String.valueOf(process.pid()), "Thread.print").redirectErrorStream(true).start();
            String dump = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            jcmd.waitFor(30, TimeUnit.SECONDS);
            Files.writeString(logFile(service + "-threads").toPath(), dump);
            return dump;
        } catch (IOException e) {
            return "no thread dump: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static String mainThread(String dump) {
        int start = dump.indexOf("\"main\"");
        if (start < 0) {
            return dump;
        }
        int end = dump.indexOf("\n\n", start);
        return end < 0 ? dump.substring(start) : dump.substring(start, end);
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
        if (natsCluster != null) {
            natsCluster.stopAll();
        }
    }

    private static Path findRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("Cannot find the project root (mvnw) above "
                    + Path.of("").toAbsolutePath());
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
