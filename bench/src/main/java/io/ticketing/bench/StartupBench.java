package io.ticketing.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.ticketing.systemtest.support.Stack;

/**
 * Each service's time to ready and idle resident memory when it starts alone on the running stack (the others
 * idle), first as it is, then with a JDK AOT cache recorded by a training run as {@code ./ticketing up} does:
 * {@code -XX:AOTCacheOutput} with {@code ticketing.startup.exit-when-ready=true}, then {@code -XX:AOTCache}.
 */
final class StartupBench {

    private static final Duration SETTLE = Duration.ofSeconds(3);

    static void run(Results results) throws Exception {
        Stack stack = Stack.get();
        for (String service : Stack.SERVICES) {
            Start plain = restart(stack, service);
            Path cache = stack.jar(service).resolveSibling(service + "-bench.aot");
            Files.deleteIfExists(cache);
            stack.kill(service);
            int exit = stack.runToExit(service,
                    List.of("-XX:AOTCacheOutput=" + cache, "-Dticketing.startup.exit-when-ready=true"),
                    Duration.ofMinutes(2));
            if (exit != 0 || !Files.exists(cache)) {
                throw new IllegalStateException("The training run of " + service + " failed (exit " + exit + ")");
            }
            stack.addJvmArgs(service, List.of("-XX:AOTCache=" + cache));
            stack.start(service);
            stack.awaitHealthy(service);
            Start cached = settled(stack, service);
            // the running service keeps its mapping; the file (over 100 MB) need not outlive the benchmark
            Files.delete(cache);
            results.add(service, "time to ready alone, idle RSS: as built / with AOT cache",
                    String.format("%d ms, %d MB / %d ms, %d MB", plain.readyMillis(), plain.rssMb(),
                            cached.readyMillis(), cached.rssMb()),
                    String.format("%s; ready goal (< 2 s) %s, RSS goal (< 200 MB) %s",
                            Results.ratio((double) cached.readyMillis() / plain.readyMillis()),
                            cached.readyMillis() < 2000 ? "met" : "not met", cached.rssMb() < 200 ? "met" : "not met"));
        }
    }

    private static Start restart(Stack stack, String service) throws IOException {
        stack.restart(service);
        return settled(stack, service);
    }

    private static Start settled(Stack stack, String service) throws IOException {
        long ready = stack.readyMillis(service);
        Stack.sleep(SETTLE.toMillis());
        return new Start(ready, rssMb(stack.pid(service)));
    }

    static long rssMb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        throw new IllegalStateException("No VmRSS for process " + pid);
    }

    private record Start(long readyMillis, long rssMb) {
    }

    private StartupBench() {
    }
}
