package io.trunkline.bench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToLongFunction;

import io.trunkline.bench.load.Latencies;
import io.trunkline.bench.load.StepResult;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The plots of a run, drawn with JFreeChart without a display: latency against arrival
 * rate for the pipeline and the floor, and the saturation search. Both axes are
 * logarithmic, so 2 ms and 20 s fit on one chart; a 0 ms percentile (below Gatling's
 * resolution) is drawn at 0.5 ms.
 */
final class LatencyCharts {

	private static final Color[] COLOURS = { new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
			new Color(0x9467bd), new Color(0xff7f0e), new Color(0x8c564b) };

	private final XYSeriesCollection data = new XYSeriesCollection();

	private final XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);

	/**
	 * Adds the p50 (solid) and p99 (dashed) lines of a set of steps.
	 * @param label what the steps are, e.g. "pipeline, stand-in +0 ms"
	 * @param steps the steps, by rising rate
	 */
	LatencyCharts add(String label, List<StepResult> steps) {
		if (steps.isEmpty()) {
			return this;
		}
		Color colour = COLOURS[(this.data.getSeriesCount() / 2) % COLOURS.length];
		line(label + " p50", steps, Latencies::p50, colour, false);
		line(label + " p99", steps, Latencies::p99, colour, true);
		return this;
	}

	private void line(String name, List<StepResult> steps, ToLongFunction<Latencies> percentile, Color colour,
			boolean dashed) {
		XYSeries series = new XYSeries(name);
		for (StepResult step : steps) {
			series.add(step.rate(), Math.max(0.5, percentile.applyAsLong(step.latency())));
		}
		int index = this.data.getSeriesCount();
		this.data.addSeries(series);
		this.renderer.setSeriesPaint(index, colour);
		this.renderer.setSeriesStroke(index, dashed
				? new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, new float[] { 6f, 4f }, 0f)
				: new BasicStroke(2f));
	}

	/**
	 * Writes the chart.
	 * @param title its title
	 * @param file the PNG to write
	 * @param markerMillis a horizontal line to draw (e.g. a target), or 0
	 * @param markerLabel its label
	 */
	void write(String title, Path file, double markerMillis, String markerLabel) {
		write(title, file, markerMillis, markerLabel, true);
	}

	/**
	 * Writes the chart, with a linear rate axis when {@code logRate} is false (rates
	 * within one decade get no labels on a logarithmic axis).
	 */
	void write(String title, Path file, double markerMillis, String markerLabel, boolean logRate) {
		JFreeChart chart = ChartFactory.createXYLineChart(title, "arrival rate (creates/s)", "latency (ms)", this.data,
				PlotOrientation.VERTICAL, true, false, false);
		chart.setBackgroundPaint(Color.WHITE);
		chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
		XYPlot plot = chart.getXYPlot();
		plot.setBackgroundPaint(Color.WHITE);
		plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
		plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
		plot.setRenderer(this.renderer);
		plot.setDomainAxis(
				logRate ? logarithmic("arrival rate (creates/s, log scale)") : linear("arrival rate (creates/s)"));
		plot.setRangeAxis(logarithmic("latency (ms, log scale)"));
		if (markerMillis > 0) {
			ValueMarker marker = new ValueMarker(markerMillis, Color.GRAY, new BasicStroke(1f));
			marker.setLabel(markerLabel);
			marker.setLabelAnchor(RectangleAnchor.TOP_LEFT);
			marker.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
			plot.addRangeMarker(marker);
		}
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			ChartUtils.saveChartAsPNG(file.toFile(), chart, 1000, 620);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static NumberAxis linear(String label) {
		NumberAxis axis = new NumberAxis(label);
		axis.setAutoRangeIncludesZero(false);
		return axis;
	}

	private static LogarithmicAxis logarithmic(String label) {
		LogarithmicAxis axis = new LogarithmicAxis(label);
		axis.setAllowNegativesFlag(false);
		axis.setStrictValuesFlag(false);
		axis.setExpTickLabelsFlag(false);
		axis.setLog10TickLabelsFlag(false);
		return axis;
	}

	boolean isEmpty() {
		return this.data.getSeriesCount() == 0;
	}

}
