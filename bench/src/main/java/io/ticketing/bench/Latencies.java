package io.ticketing.bench;

import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/** A thread-safe latency recorder in microseconds, summarised as p50/p95/p99/max in milliseconds. */
final class Latencies {

    private final Recorder recorder = new Recorder(TimeUnit.MINUTES.toMicros(5), 3);
    private Histogram total;

    void record(long nanos) {
        recorder.recordValue(Math.max(1, Math.min(nanos / 1_000, TimeUnit.MINUTES.toMicros(5))));
    }

    synchronized Histogram snapshot() {
        Histogram interval = recorder.getIntervalHistogram();
        if (total == null) {
            total = interval.copy();
        } else {
            total.add(interval);
        }
        return total;
    }

    String summary() {
        Histogram h = snapshot();
        if (h.getTotalCount() == 0) {
            return "no samples";
        }
        return String.format("p50 %.1f / p95 %.1f / p99 %.1f / max %.1f ms", ms(h, 50), ms(h, 95), ms(h, 99),
                h.getMaxValue() / 1000.0);
    }

    boolean isEmpty() {
        return snapshot().getTotalCount() == 0;
    }

    double p(double percentile) {
        return ms(snapshot(), percentile);
    }

    private static double ms(Histogram h, double percentile) {
        return h.getValueAtPercentile(percentile) / 1000.0;
    }
}
