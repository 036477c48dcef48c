package io.ticketing.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code ./ticketing bench [outbox] [sql] [reservations] [system] [startup] [--messages N] [--seconds S]
 * [--warm-up S] [--peak-runs N] [--replicas N]}: runs the benchmarks (all by default), prints a table and adds it as
 * the newest section of bench/RESULTS.md.
 */
public final class BenchMain {

    public static void main(String[] args) throws Exception {
        List<String> argv = List.of(args);
        int messages = option(argv, "--messages", 50_000);
        int seconds = option(argv, "--seconds", 20);
        int warmUp = option(argv, "--warm-up", 30);
        int peakRuns = option(argv, "--peak-runs", 3);
        int replicas = option(argv, "--replicas", 1);
        // the harness reads its shape from this property: N instances of every service behind the gateway
        System.setProperty("ticketing.stack.replicas", String.valueOf(replicas));
        List<String> chosen = argv.stream().filter(a -> a.matches("[a-z]+")).toList();
        boolean all = chosen.isEmpty();
        Path root = Path.of("").toAbsolutePath();
        while (!Files.exists(root.resolve("mvnw"))) {
            root = root.getParent();
        }
        int threads = 2 * Runtime.getRuntime().availableProcessors();
        Results results = new Results();
        results.setting("PostgreSQL " + "and a private nats-server (JetStream, file storage) on this machine; services "
                + "started from their jars with " + System.getProperty("ticketing.stack.jvm-args", "default flags"));
        results.setting("messages per relay measurement: " + messages + "; SQL baselines with " + threads
                + " JDBC threads; warm-up " + warmUp + " s, peak load " + peakRuns + " x " + seconds + " s; "
                + replicas + " instance(s) of each service");
        System.out.println("benchmark                    figure                                                "
                + "value  note");
        double r2 = 0;
        if (all || chosen.contains("outbox")) {
            OutboxBench.run(results, messages);
        }
        if (all || chosen.contains("sql") || chosen.contains("reservations")) {
            SqlBaselines sql = new SqlBaselines(root, threads);
            double r1 = sql.rawReservations(20_000);
            results.add("R1 raw seat reservation", threads + " JDBC threads, 1 statement per tx", Results.rate(r1),
                    "the seat inventory's limit");
            if (all || chosen.contains("reservations")) {
                ReservationBench.run(results, r1);
            }
            r2 = sql.completeBookings(5_000);
            results.add("R2 complete booking SQL", threads + " JDBC threads, 10 transactions per booking",
                    Results.rate(r2), "the no-messaging limit");
        }
        if (all || chosen.contains("system")) {
            SystemBench.run(results, warmUp, seconds, peakRuns, r2, root.resolve("bench/latency-over-load.svg"));
        }
        if (all || chosen.contains("startup")) {
            // last: it restarts every service
            StartupBench.run(results);
        }
        String title = (all ? "Full run" : "Run of " + String.join(", ", chosen))
                + (replicas > 1 ? " with " + replicas + " replicas of each service" : "");
        results.write(root.resolve("bench/RESULTS.md"), title);
        System.exit(0);
    }

    private static int option(List<String> argv, String name, int fallback) {
        int i = argv.indexOf(name);
        return i < 0 ? fallback : Integer.parseInt(argv.get(i + 1));
    }

    private BenchMain() {
    }
}
