/**
 * The gateway's first filter: refuses request paths that different parts of the server
 * could read differently, before anything else looks at them.
 */
package io.trunkline.gateway.firewall;
