/**
 * The whole of Trunkline in one process, for a newcomer's first run and for end-to-end
 * tests.
 */
package io.trunkline.localstack;
