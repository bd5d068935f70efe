/**
 * Gatling simulations that create distinct trunks at a fixed arrival rate (an open
 * workload) or as fast as the API accepts them, and record every answer.
 */
package io.trunkline.bench.load;
