/**
 * Turns the results of a run into its own file under {@code docs/benchmarks/} and a row
 * of the progress table in {@code docs/benchmarks.md}: tables, plots, the stage timings
 * and resources from the services' Prometheus pages, and the JDK {@code jfr} tool's views
 * of the flight recordings.
 */
package io.trunkline.bench.report;
