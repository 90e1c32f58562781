package pythreading.benchrun;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The report's PNG charts, drawn with XChart. */
final class Charts {

    static final String RATIOS = "benchmarks.png";
    static final String SCALING = "benchmarks-scaling.png";

    private static final int WIDTH = 1100;
    private static final int HEIGHT = 520;

    private Charts() {
    }

    /** Writes the charts beside the report; returns the files written. */
    static List<Path> write(BenchResults results, Path dir) throws IOException {
        System.setProperty("java.awt.headless", "true");
        List<Path> files = new ArrayList<>();
        Path ratios = dir.resolve(RATIOS);
        CategoryChart toJuc = bars(results, RowResult::ratio,
                "pythreading's time ÷ java.util.concurrent's (below 1: pythreading is faster; log scale)", "ratio", true);
        CategoryChart toCPython = bars(results, RowResult::speedup,
                "speed-up over " + (results.python() != null ? results.python() : "CPython")
                        + " (CPython's time ÷ pythreading's; log scale)", "speed-up", true);
        stack(ratios, toJuc, toCPython);
        files.add(ratios);
        if (results.scaling() != null) {
            Path scaling = dir.resolve(SCALING);
            BitmapEncoder.saveBitmap(scaling(results.scaling()), scaling.toString(), BitmapEncoder.BitmapFormat.PNG);
            files.add(scaling);
        }
        return files;
    }

    private static CategoryChart bars(BenchResults results, ToDoubleFunction<RowResult> value, String title,
            String axis, boolean logarithmic) {
        List<String> names = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (RowResult row : results.rows()) {
            if (row.row().isZooKeeper()) {
                continue; // their twin is a Curator recipe, not java.util.concurrent: the report's own table
            }
            double v = value.applyAsDouble(row);
            if (!Double.isNaN(v)) {
                names.add(row.row().id());
                values.add(v);
            }
        }
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title).yAxisTitle(axis).build();
        Styler styler = chart.getStyler();
        styler.setLegendVisible(false);
        styler.setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setXAxisLabelRotation(35);
        chart.getStyler().setYAxisLogarithmic(logarithmic);
        chart.getStyler().setLabelsVisible(true);
        chart.getStyler().setLabelsFontColorAutomaticEnabled(false);
        chart.getStyler().setLabelsFontColor(Color.DARK_GRAY);
        chart.getStyler().setDecimalPattern("#,##0.##");
        if (names.isEmpty()) {
            names.add("(no figures)");
            values.add(logarithmic ? 1.0 : 0.0);
        }
        if (logarithmic) {
            // XChart starts bars at zero unless told otherwise, which a log axis refuses.
            double min = values.stream().mapToDouble(Double::doubleValue).min().orElse(1);
            chart.getStyler().setYAxisMin(Math.pow(10, Math.floor(Math.log10(Math.min(min, 1) / 2))));
        }
        chart.addSeries(axis, names, values);
        return chart;
    }

    private static XYChart scaling(Scaling s) {
        XYChart chart = new XYChartBuilder().width(WIDTH / 2 + 200).height(HEIGHT).title(
                "CPU-bound work split over N threads: speed-up over 1 thread").xAxisTitle("threads")
                .yAxisTitle("speed-up").build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        chart.getStyler().setXAxisDecimalPattern("0");
        addScalingSeries(chart, "pythreading (" + s.jdk().description() + ")", s.pythreading());
        addScalingSeries(chart, "CPython threading", s.cpython());
        List<Integer> all = new ArrayList<>(s.pythreading().keySet());
        all.addAll(s.cpython().keySet());
        int max = all.stream().mapToInt(Integer::intValue).max().orElse(1);
        chart.addSeries("ideal", List.of(1.0, (double) max), List.of(1.0, (double) max))
                .setMarker(SeriesMarkers.NONE).setLineColor(Color.LIGHT_GRAY);
        return chart;
    }

    private static void addScalingSeries(XYChart chart, String name, java.util.Map<Integer, Measurement> times) {
        if (times.isEmpty()) {
            return;
        }
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (int n : times.keySet()) {
            x.add((double) n);
            y.add(Scaling.speedup(times, n));
        }
        chart.addSeries(name, x, y);
    }

    /** Draws the charts one above the other into one PNG. */
    private static void stack(Path file, CategoryChart... charts) throws IOException {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT * charts.length, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            for (CategoryChart chart : charts) {
                chart.paint(g, WIDTH, HEIGHT);
                g.translate(0, HEIGHT);
            }
        } finally {
            g.dispose();
        }
        ImageIO.write(image, "png", file.toFile());
    }
}
