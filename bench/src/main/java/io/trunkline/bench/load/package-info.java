/**
 * Gatling simulations that create distinct trunks at a fixed arrival rate (an open
 * workload) or as fast as the API accepts them, and record every answer; and the
 * sequential client of the cold-start scenario.
 */
package io.trunkline.bench.load;
