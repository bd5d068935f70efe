package io.trunkline.localstack;

import java.util.Map;

/**
 * What the local stack starts.
 *
 * @param apiPort the first gateway's HTTP port, 0 for any
 * @param bootstrapApiKey an API key the demo account accepts, or {@code null} for a
 * generated one
 * @param liveKit a real LiveKit to provision on, or {@code null} for the stand-in
 * @param outboundProxyAddress the fixed-IP outbound proxy, or {@code null} for none
 * @param partitions partitions of each topic
 * @param properties further properties for every service (tests use them to shorten
 * time-outs)
 */
public record LocalStackOptions(int apiPort, String bootstrapApiKey, LiveKit liveKit, String outboundProxyAddress,
		int partitions, Map<String, Object> properties) {

	public LocalStackOptions {
		properties = Map.copyOf(properties);
	}

	/**
	 * Options for tests: any port, the stand-in, a proxy, four partitions.
	 * @param bootstrapApiKey the demo account's API key
	 * @param properties further properties
	 * @return the options
	 */
	public static LocalStackOptions forTests(String bootstrapApiKey, Map<String, Object> properties) {
		return new LocalStackOptions(0, bootstrapApiKey, null, "sip-proxy.trunkline.test:5060", 4, properties);
	}

	/**
	 * A real LiveKit.
	 *
	 * @param url its URL
	 * @param apiKey the API key
	 * @param apiSecret the API secret
	 */
	public record LiveKit(String url, String apiKey, String apiSecret) {

		@Override
		public String toString() {
			return "LiveKit[url=" + this.url + ", apiKey=" + this.apiKey + ", apiSecret=(hidden)]";
		}

	}

}
