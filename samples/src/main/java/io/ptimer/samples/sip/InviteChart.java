package io.ptimer.samples.sip;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The PNG of INVITEs per 100 ms: offered by the customer and arriving at the carrier, with the limit. */
final class InviteChart {
    private static final long BIN_MICROS = 100_000;

    private InviteChart() {
    }

    static void write(String title, long[] offered, long[] arrived, int limitPerSecond, Path png) throws IOException {
        long start = Math.min(first(offered), first(arrived));
        long end = Math.max(last(offered), last(arrived));
        int bins = (int) ((end - start) / BIN_MICROS) + 1;
        List<Double> x = new ArrayList<>();
        for (int i = 0; i < bins; i++) {
            x.add(i * BIN_MICROS / 1e6);
        }
        XYChart chart = new XYChartBuilder().width(900).height(420).title(title)
                .xAxisTitle("seconds").yAxisTitle("INVITEs per 100 ms").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setMarkerSize(0);
        series(chart, "offered by the customer", x, perBin(offered, start, bins));
        series(chart, "arriving at the carrier", x, perBin(arrived, start, bins));
        List<Double> limit = new ArrayList<>();
        x.forEach(t -> limit.add(limitPerSecond / 10.0));
        series(chart, "limit: " + limitPerSecond + " per s = " + limitPerSecond / 10 + " per 100 ms", x, limit);
        BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    private static void series(XYChart chart, String name, List<Double> x, List<Double> y) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
        s.setMarker(SeriesMarkers.NONE);
    }

    private static List<Double> perBin(long[] micros, long start, int bins) {
        double[] counts = new double[bins];
        for (long t : micros) {
            counts[(int) ((t - start) / BIN_MICROS)]++;
        }
        List<Double> out = new ArrayList<>(bins);
        for (double c : counts) {
            out.add(c);
        }
        return out;
    }

    private static long first(long[] micros) {
        return micros.length == 0 ? Long.MAX_VALUE : micros[0];
    }

    private static long last(long[] micros) {
        return micros.length == 0 ? Long.MIN_VALUE : micros[micros.length - 1];
    }
}
