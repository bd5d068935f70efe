/**
 * A real PostgreSQL server run from embedded binaries.
 */
package io.trunkline.local.postgres;
