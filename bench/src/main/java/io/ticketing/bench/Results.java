package io.ticketing.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** Collects the rows of one benchmark run, prints them, and records them in bench/RESULTS.md. */
final class Results {

    record Row(String benchmark, String figure, String value, String note) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<String> settings = new ArrayList<>();

    void setting(String line) {
        settings.add(line);
    }

    void add(String benchmark, String figure, String value, String note) {
        rows.add(new Row(benchmark, figure, value, note));
        System.out.printf("  %-28s %-44s %14s  %s%n", benchmark, figure, value, note);
    }

    static String rate(double perSecond) {
        return String.format("%,.0f/s", perSecond);
    }

    static String ratio(double value) {
        return String.format("%.2fx", value);
    }

    /** Writes this run as a new section at the top of RESULTS.md (older runs stay below it). */
    void write(Path file, String title) {
        StringBuilder section = new StringBuilder();
        section.append("## ").append(title).append(" - ")
                .append(ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME))
                .append(" UTC\n\n");
        section.append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
                .append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.arch"))
                .append(", Java ").append(System.getProperty("java.version")).append(", max heap ")
                .append(Runtime.getRuntime().maxMemory() / (1024 * 1024)).append(" MB, JVM args ")
                .append(ManagementFactory.getRuntimeMXBean().getInputArguments()).append("\n\n");
        settings.forEach(s -> section.append("- ").append(s).append('\n'));
        section.append("\n| benchmark | figure | value | note |\n|---|---|---|---|\n");
        rows.forEach(r -> section.append("| ").append(r.benchmark()).append(" | ").append(r.figure()).append(" | ")
                .append(r.value()).append(" | ").append(r.note()).append(" |\n"));
        section.append('\n');
        try {
            String header = "# Benchmark results\n\nNewest run first. Produced by `./ticketing bench` "
                    + "(see bench/README.md for what each figure means).\n\n";
            String old = Files.exists(file) ? Files.readString(file) : header;
            int firstSection = old.indexOf("\n## ");
            String head = firstSection < 0 ? old : old.substring(0, firstSection + 1);
            String tail = firstSection < 0 ? "" : old.substring(firstSection + 1);
            Files.writeString(file, head + section + tail);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
