package io.ticketing.systemtest.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** Runs the project's Node.js programs (web client tests, the example consumer) from system tests. */
public final class NodeProcess {

    private final Process process;
    private final List<String> stdout = new CopyOnWriteArrayList<>();
    private final List<String> stderr = new CopyOnWriteArrayList<>();

    private NodeProcess(Process process) {
        this.process = process;
        pump(process.getInputStream(), stdout);
        pump(process.getErrorStream(), stderr);
    }

    public static Path projectDir(String relative) {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        return dir.resolve(relative);
    }

    public static NodeProcess start(Path dir, Map<String, String> env, String... command) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().putAll(env);
        try {
            return new NodeProcess(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + String.join(" ", command) + " in " + dir
                    + " (is Node.js installed? ./ticketing test installs it)", e);
        }
    }

    /** Runs a command to completion and fails with its output when it does not exit 0. */
    public static void run(Path dir, Duration timeout, String... command) {
        NodeProcess p = start(dir, Map.of(), command);
        int code = p.waitFor(timeout);
        if (code != 0) {
            throw new AssertionError(String.join(" ", command) + " in " + dir + " exited " + code + "\n"
                    + String.join("\n", p.stdout()) + "\n" + String.join("\n", p.stderr()));
        }
    }

    /** Installs and builds a Node project unless its build output is already there. */
    public static void ensureBuilt(Path dir, String output) {
        if (!Files.exists(dir.resolve(output))) {
            if (!Files.isDirectory(dir.resolve("node_modules"))) {
                run(dir, Duration.ofMinutes(5), "npm", "ci", "--no-audit", "--no-fund");
            }
            run(dir, Duration.ofMinutes(5), "npm", "run", "build");
        }
    }

    public List<String> stdout() {
        return stdout;
    }

    public List<String> stderr() {
        return stderr;
    }

    public int waitFor(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("timed out after " + timeout + "\n" + String.join("\n", stdout) + "\n"
                        + String.join("\n", stderr));
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** SIGTERM: the program finishes what it holds and exits. */
    public int stop() {
        process.destroy();
        return waitFor(Duration.ofSeconds(30));
    }

    private static void pump(java.io.InputStream in, List<String> sink) {
        Thread.ofVirtual().start(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    sink.add(line);
                }
            } catch (IOException ignored) {
                // the process ended
            }
        });
    }

}
