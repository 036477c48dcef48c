package io.ticketing.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.ticketing.systemtest.support.Stack;

/**
 * CPU time spent by each part of the machine between two snapshots: every service instance, PostgreSQL (all its
 * processes), nats-server and this load generator. Divided by the bookings confirmed meanwhile, it says what one
 * booking costs where, and so what ceiling the two cores put on the peak. A PostgreSQL backend that exits between
 * the snapshots takes its CPU time with it; the services keep theirs in connection pools, so little is missed.
 */
final class CpuMeter {

    static final String LOAD_GENERATOR = "load generator";

    private final Stack stack;

    CpuMeter(Stack stack) {
        this.stack = stack;
    }

    /** CPU time used so far by each part, in nanoseconds. */
    Map<String, Long> snapshot() {
        Map<String, Long> parts = new LinkedHashMap<>();
        for (String service : Stack.SERVICES) {
            long sum = stack.instances(service).stream().mapToLong(i -> cpuNanos(ProcessHandle.of(stack.pid(i)))).sum();
            parts.put(service, sum);
        }
        parts.put("postgres", commandCpuNanos("postgres"));
        parts.put("nats-server", commandCpuNanos("nats-server"));
        parts.put(LOAD_GENERATOR, cpuNanos(Optional.of(ProcessHandle.current())));
        return parts;
    }

    /**
     * Waits until the stack has caught up with earlier load (e-mails still being sent, relays draining): the
     * parts other than this generator use under 15 % of a core over a second (idle, they use about 7 %), or
     * {@code max} has passed.
     *
     * @return how long it took
     */
    Duration awaitQuiet(Duration max) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + max.toNanos();
        while (System.nanoTime() < deadline) {
            Map<String, Long> before = snapshot();
            Thread.sleep(1000);
            Map<String, Double> used = perUnit(before, snapshot(), 1);
            used.remove(LOAD_GENERATOR);
            if (total(used) < 150) {
                break;
            }
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Milliseconds of CPU per unit of work (a booking, a request) for each part between two snapshots. */
    static Map<String, Double> perUnit(Map<String, Long> before, Map<String, Long> after, long units) {
        return after.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> (e.getValue() - before.getOrDefault(e.getKey(), 0L)) / 1e6 / Math.max(1, units),
                (a, b) -> a, LinkedHashMap::new));
    }

    /** "total 19.8 ms: ticket-service 5.1, ..." busiest first. */
    static String summary(Map<String, Double> msPerUnit) {
        return String.format("total %.1f ms: ", total(msPerUnit)) + msPerUnit.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .map(e -> String.format("%s %.1f", e.getKey(), e.getValue()))
                .collect(Collectors.joining(", "));
    }

    static double total(Map<String, Double> msPerUnit) {
        return msPerUnit.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    private static long commandCpuNanos(String command) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("/" + command) || c.equals(command)).orElse(false))
                .mapToLong(p -> cpuNanos(Optional.of(p)))
                .sum();
    }

    private static long cpuNanos(Optional<ProcessHandle> process) {
        return process.flatMap(p -> p.info().totalCpuDuration()).map(Duration::toNanos).orElse(0L);
    }
}
