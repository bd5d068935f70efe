/**
 * Turns the results of a run into a dated section of {@code docs/benchmarks.md}: tables,
 * plots, the stage breakdown from the stack's log and the CPU profile from its flight
 * recording.
 */
package io.trunkline.bench.report;
