package io.trunkline.gateway.trunk;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The installation's fixed-IP SIP proxy for {@code outbound_proxy: true}. Without one,
 * such creates are refused with a 422 before anything is provisioned.
 *
 * @param address the proxy's host or IP (and port), or blank when the installation has
 * none
 */
@ConfigurationProperties("trunkline.outbound-proxy")
record OutboundProxySettings(String address) {

	boolean configured() {
		return this.address != null && !this.address.isBlank();
	}

}
