/**
 * The api-gateway service: Trunkline's public REST API.
 */
package io.trunkline.gateway;
