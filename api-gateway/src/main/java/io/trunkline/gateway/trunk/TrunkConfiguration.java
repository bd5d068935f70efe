package io.trunkline.gateway.trunk;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the create rules to what this installation offers.
 */
@Configuration(proxyBeanMethods = false)
class TrunkConfiguration {

	@Bean
	CreateTrunkRules createTrunkRules(OutboundProxySettings outboundProxy) {
		return new CreateTrunkRules(outboundProxy.configured());
	}

}
