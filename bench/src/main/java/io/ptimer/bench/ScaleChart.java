package io.ptimer.bench;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;

/**
 * The PNG chart of the part {@code scale}: p99 lateness against the number of timers, both axes
 * logarithmic, one series per runner, and the points the parts {@code core} (its timers, intervals
 * spread from 10 ms to 1 s) and {@code async} (its pending delayed routes) gave in the same run as
 * series of their own.
 */
final class ScaleChart {
    /** A p99 of 0 cannot be drawn on a log scale; it is drawn at this floor, in µs. */
    private static final double FLOOR = 0.01;
    /** Colours that stay apart on white, for up to a dozen series. */
    private static final Color[] COLOURS = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
            new Color(0xd62728), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x17becf),
            new Color(0x7f7f7f), new Color(0xbcbd22), Color.BLACK, new Color(0x00008b)};

    /** Where a series comes from, which sets how it is drawn. */
    private enum Part { SCALE, CORE, ASYNC }

    private record Series(Part part, TreeMap<Integer, Long> p99) {
    }

    private final Map<String, Series> series = new LinkedHashMap<>();

    /** A point of the part {@code scale}. */
    void add(String name, int timers, long p99Nanos) {
        add(Part.SCALE, name, timers, p99Nanos);
    }

    /** The figures of the part {@code core}, against the registration grid, at its number of timers. */
    void core(int timers, Map<String, CoreScale.Figures> figures) {
        figures.forEach((runner, f) -> add(Part.CORE, switch (runner) {
            case "stpe" -> "core part: ScheduledThreadPoolExecutor(1)";
            case "hwt" -> "core part: HashedWheelTimer";
            default -> "core part: " + runner + " (shared lane)";
        }, timers, f.lateness().histogram().getValueAtPercentile(99)));
    }

    /** The delayed-route lateness of the part {@code async}, at its numbers of pending routes. */
    void async(List<AsyncLoad.Lateness> all) {
        for (AsyncLoad.Lateness l : all) {
            add(Part.ASYNC, "async delayed routes: " + AsyncLoad.label(l.timer()), l.pending(),
                    l.histogram().getValueAtPercentile(99));
        }
    }

    private void add(Part part, String name, int timers, long p99Nanos) {
        series.computeIfAbsent(name, n -> new Series(part, new TreeMap<>())).p99().put(timers, p99Nanos);
    }

    /** Writes the chart: the part {@code scale}'s series first, as lines, core's as points, async's as dashed lines. */
    void write(Path png) throws IOException {
        if (series.isEmpty()) {
            return;
        }
        XYChart chart = new XYChartBuilder().width(900).height(760).title("p99 lateness against the number of timers")
                .xAxisTitle("timers (async: pending delayed routes), log").yAxisTitle("p99 lateness, µs (log)").build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setXAxisDecimalPattern("#,##0");
        chart.getStyler().setYAxisDecimalPattern("#,##0.##");
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
        chart.getStyler().setSeriesColors(COLOURS);
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        List<Map.Entry<String, Series>> ordered = new ArrayList<>(series.entrySet());
        ordered.sort(Comparator.comparing(e -> e.getValue().part()));
        for (Map.Entry<String, Series> e : ordered) {
            List<Integer> x = new ArrayList<>(e.getValue().p99().keySet());
            List<Double> y = e.getValue().p99().values().stream().map(v -> Math.max(FLOOR, v / 1000.0)).toList();
            x.forEach(v -> xs.add(v.doubleValue()));
            ys.addAll(y);
            XYSeries drawn = chart.addSeries(e.getKey(), x, y);
            drawn.setXYSeriesRenderStyle(e.getValue().part() == Part.CORE ? XYSeries.XYSeriesRenderStyle.Scatter
                    : XYSeries.XYSeriesRenderStyle.Line);
            if (e.getValue().part() == Part.ASYNC) {
                drawn.setLineStyle(SeriesLines.DASH_DASH);
            }
        }
        chart.getStyler().setXAxisMin(decadeBelow(xs));
        chart.getStyler().setXAxisMax(decadeAbove(xs));
        chart.getStyler().setYAxisMin(decadeBelow(ys));
        chart.getStyler().setYAxisMax(decadeAbove(ys));
        BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    /** The power of ten at or below the least value: a log axis is labelled at its powers of ten. */
    private static double decadeBelow(List<Double> values) {
        return Math.pow(10, Math.floor(Math.log10(values.stream().mapToDouble(Double::doubleValue).min().orElse(1))));
    }

    /** The power of ten above the greatest value. */
    private static double decadeAbove(List<Double> values) {
        return Math.pow(10, Math.floor(Math.log10(values.stream().mapToDouble(Double::doubleValue).max().orElse(1))) + 1);
    }
}
