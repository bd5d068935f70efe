/**
 * SIP trunks as the API's clients see them: the create command, its rules, pending
 * requests and committed trunks.
 */
package io.trunkline.gateway.trunk;
