package io.trunkline.worker.provisioning;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The installation's fixed-IP SIP proxy that outbound trunks with {@code outbound_proxy}
 * are pointed at.
 *
 * @param address the proxy's host or IP (and port), or blank when the installation has
 * none
 */
@ConfigurationProperties("trunkline.outbound-proxy")
record OutboundProxyAddress(String address) {
}
