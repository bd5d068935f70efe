/**
 * Turns the results of a run into its own file under {@code docs/benchmarks/} and a row
 * of the progress table in {@code docs/benchmarks.md}: tables, plots, the stage breakdown
 * from the stack's log and the CPU profile from its flight recording.
 */
package io.trunkline.bench.report;
