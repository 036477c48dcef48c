package io.ticketing.bench;

import java.util.List;
import java.util.Locale;

/** A small hand-made SVG line chart: latency percentiles against offered load. */
final class Plot {

    private static final int WIDTH = 720;
    private static final int HEIGHT = 420;
    private static final int MARGIN = 60;

    static String svg(List<SystemBench.Load> loads) {
        double maxX = loads.stream().mapToDouble(SystemBench.Load::offeredPerSecond).max().orElse(1) * 1.1;
        double maxY = loads.stream().mapToDouble(l -> Math.max(l.confirm().p(99), l.accept().p(99))).max().orElse(1)
                * 1.1;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns='http://www.w3.org/2000/svg' width='%d' height='%d' "
                + "font-family='sans-serif' font-size='12'>%n", WIDTH, HEIGHT));
        svg.append("<rect width='100%' height='100%' fill='white'/>\n");
        svg.append(String.format(Locale.ROOT, "<text x='%d' y='20' font-size='14'>Booking latency over load "
                + "(whole system through the gateway)</text>%n", MARGIN));
        line(svg, MARGIN, HEIGHT - MARGIN, WIDTH - MARGIN, HEIGHT - MARGIN, "black");
        line(svg, MARGIN, MARGIN, MARGIN, HEIGHT - MARGIN, "black");
        svg.append(String.format(Locale.ROOT, "<text x='%d' y='%d'>offered bookings/s (max %.0f)</text>%n",
                WIDTH / 2 - 60, HEIGHT - 20, maxX / 1.1));
        svg.append(String.format(Locale.ROOT, "<text x='5' y='%d'>ms (max %.0f)</text>%n", MARGIN - 10, maxY / 1.1));
        series(svg, loads, maxX, maxY, "accept p50", "#9ecae1", l -> l.accept().p(50));
        series(svg, loads, maxX, maxY, "accept p99", "#3182bd", l -> l.accept().p(99));
        series(svg, loads, maxX, maxY, "CONFIRMED p50", "#fdae6b", l -> l.confirm().p(50));
        series(svg, loads, maxX, maxY, "CONFIRMED p99", "#e6550d", l -> l.confirm().p(99));
        return svg.append("</svg>\n").toString();
    }

    private static int legend;

    private static void series(StringBuilder svg, List<SystemBench.Load> loads, double maxX, double maxY, String name,
            String color, java.util.function.ToDoubleFunction<SystemBench.Load> y) {
        List<SystemBench.Load> sorted = loads.stream()
                .sorted(java.util.Comparator.comparingDouble(SystemBench.Load::offeredPerSecond)).toList();
        StringBuilder points = new StringBuilder();
        for (SystemBench.Load l : sorted) {
            double px = MARGIN + (WIDTH - 2 * MARGIN) * l.offeredPerSecond() / maxX;
            double py = HEIGHT - MARGIN - (HEIGHT - 2 * MARGIN) * y.applyAsDouble(l) / maxY;
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", px, py));
            svg.append(String.format(Locale.ROOT, "<circle cx='%.1f' cy='%.1f' r='3' fill='%s'/>%n", px, py, color));
        }
        svg.append(String.format(Locale.ROOT, "<polyline fill='none' stroke='%s' stroke-width='2' points='%s'/>%n",
                color, points.toString().trim()));
        int ly = MARGIN + 16 * (legend++ % 4);
        svg.append(String.format(Locale.ROOT, "<text x='%d' y='%d' fill='%s'>%s</text>%n", WIDTH - MARGIN - 110, ly,
                color, name));
    }

    private static void line(StringBuilder svg, int x1, int y1, int x2, int y2, String color) {
        svg.append(String.format(Locale.ROOT, "<line x1='%d' y1='%d' x2='%d' y2='%d' stroke='%s'/>%n", x1, y1, x2, y2,
                color));
    }

    private Plot() {
    }
}
