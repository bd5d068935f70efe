/**
 * The voice infrastructure Trunkline provisions on, as the worker sees it: trunks to
 * create, find and delete, and the ways a call to it can fail.
 */
package io.trunkline.worker.voice;
