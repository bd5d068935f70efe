/**
 * Real infrastructure started in-process for tests and the local stack: no Docker, no
 * installed services.
 */
package io.trunkline.local;
