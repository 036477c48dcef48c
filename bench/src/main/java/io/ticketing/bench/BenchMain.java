package io.ticketing.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code ./ticketing bench [outbox] [--messages N]}: runs the benchmarks, prints a table and records it
 * in bench/RESULTS.md.
 */
public final class BenchMain {

    public static void main(String[] args) throws Exception {
        List<String> argv = List.of(args);
        int messages = argv.contains("--messages") ? Integer.parseInt(argv.get(argv.indexOf("--messages") + 1)) : 50_000;
        boolean all = argv.stream().noneMatch(a -> !a.startsWith("--") && !a.matches("\\d+"));
        Results results = new Results();
        results.setting("messages per measurement: " + messages + "; PostgreSQL and a private nats-server (JetStream, file storage) on this machine");
        System.out.println("benchmark                    figure                                                value  note");
        if (all || argv.contains("outbox")) {
            OutboxBench.run(results, messages);
        }
        results.write(Path.of(System.getProperty("bench.results", "bench/RESULTS.md")), "Outbox relay vs raw JetStream");
        System.exit(0);
    }

    private BenchMain() {
    }
}
