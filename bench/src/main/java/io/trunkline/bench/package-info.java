/**
 * Benchmarks of Trunkline on one machine: load with Gatling against the local stack, the
 * floor of one create done inline, and the figures of {@code docs/benchmarks.md}.
 */
package io.trunkline.bench;
