package io.ticketing.systemtest.support;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** What the system tests did, printed once at the end of the run. */
public final class Summary {

    private static final Map<String, AtomicLong> COUNTERS = new ConcurrentHashMap<>();
    private static final Map<Integer, AtomicLong> BAD_REQUEST_STATUSES = new ConcurrentHashMap<>();

    private Summary() {
    }

    public static void count(String what, long n) {
        COUNTERS.computeIfAbsent(what, k -> new AtomicLong()).addAndGet(n);
    }

    public static void count(String what) {
        count(what, 1);
    }

    public static void badRequestAnswered(int status) {
        BAD_REQUEST_STATUSES.computeIfAbsent(status, k -> new AtomicLong()).incrementAndGet();
    }

    static String render() {
        StringBuilder out = new StringBuilder("\n==== system-test summary ====\n");
        new TreeMap<>(COUNTERS).forEach((k, v) -> out.append(String.format("  %-40s %d%n", k, v.get())));
        if (!BAD_REQUEST_STATUSES.isEmpty()) {
            out.append("  bad requests by status:");
            new TreeMap<>(BAD_REQUEST_STATUSES)
                    .forEach((k, v) -> out.append(' ').append(k).append('=').append(v.get()));
            out.append('\n');
        }
        return out.append("=============================\n").toString();
    }
}
