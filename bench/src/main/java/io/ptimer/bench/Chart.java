package io.ptimer.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.HdrHistogram.Histogram;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/** The PNG chart of the lateness percentiles: one bar chart per interval, µs on a log scale. */
final class Chart {
    private static final List<String> PERCENTILES = List.of("p50", "p99", "p99.9", "max");
    /** Bars at 0 cannot be drawn on a log scale; they are drawn at this floor, in µs. */
    private static final double FLOOR = 0.01;

    private Chart() {
    }

    /** @param byInterval interval label → runner → lateness, in the order to draw */
    static void write(Map<String, Map<String, Result>> byInterval, Path png) throws IOException {
        List<CategoryChart> charts = new ArrayList<>();
        byInterval.forEach((interval, byRunner) -> {
            CategoryChart chart = new CategoryChartBuilder().width(640).height(460)
                    .title("Lateness at " + interval).xAxisTitle("percentile").yAxisTitle("µs (log)").build();
            chart.getStyler().setYAxisLogarithmic(true);
            chart.getStyler().setYAxisMin(FLOOR);
            chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
            chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
            byRunner.forEach((runner, result) -> {
                Histogram h = result.histogram();
                List<Double> values = LongStream.of(h.getValueAtPercentile(50), h.getValueAtPercentile(99),
                        h.getValueAtPercentile(99.9), h.getMaxValue())
                        .mapToObj(v -> Math.max(FLOOR, v / 1000.0)).toList();
                chart.addSeries(runner, PERCENTILES, values);
            });
            charts.add(chart);
        });
        if (!charts.isEmpty()) {
            BitmapEncoder.saveBitmap(charts, 1, charts.size(), png.toString(), BitmapEncoder.BitmapFormat.PNG);
        }
    }
}
