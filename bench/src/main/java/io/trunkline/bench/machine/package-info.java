/**
 * What the machine under a benchmark gives: a CPU calibration recorded with each run.
 */
package io.trunkline.bench.machine;
