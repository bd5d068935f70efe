/**
 * The floor: the unavoidable work of one create (two LiveKit creates and one committed
 * insert) done inline behind the same HTTP endpoint, for the overhead ratio.
 */
package io.trunkline.bench.floor;
