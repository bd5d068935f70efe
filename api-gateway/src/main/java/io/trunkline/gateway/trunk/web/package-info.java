/**
 * The SIP trunk REST API: create, get, list and the status of a create, with the
 * documented bodies.
 */
package io.trunkline.gateway.trunk.web;
