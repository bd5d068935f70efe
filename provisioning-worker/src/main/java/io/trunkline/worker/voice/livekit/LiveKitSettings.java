package io.trunkline.worker.voice.livekit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where LiveKit is and how to talk to it. There is no default URL: a worker without
 * {@code LIVEKIT_URL} refuses to start rather than guess.
 *
 * @param url the LiveKit server, e.g. {@code https://my-project.livekit.cloud}
 * @param apiKey the API key (the tokens' issuer)
 * @param apiSecret the API secret that signs the tokens
 * @param connectTimeout the longest a connection may take
 * @param readTimeout the longest a call may take once sent
 * @param tokenTtl how long each access token is valid; a token is reused until a minute
 * before it expires
 */
@ConfigurationProperties("livekit")
record LiveKitSettings(String url, String apiKey, String apiSecret, @DefaultValue("2s") Duration connectTimeout,
		@DefaultValue("5s") Duration readTimeout, @DefaultValue("10m") Duration tokenTtl) {

	LiveKitSettings {
		if (url == null || url.isBlank()) {
			throw new IllegalArgumentException("LIVEKIT_URL is not set: the worker needs a LiveKit server");
		}
		if (apiKey == null || apiKey.isBlank() || apiSecret == null || apiSecret.isBlank()) {
			throw new IllegalArgumentException("LIVEKIT_API_KEY and LIVEKIT_API_SECRET must both be set");
		}
		url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
		if (url.startsWith("wss://")) {
			url = "https://" + url.substring(6);
		}
		else if (url.startsWith("ws://")) {
			url = "http://" + url.substring(5);
		}
	}

	@Override
	public String toString() {
		return "LiveKitSettings[url=" + this.url + ", apiKey=" + this.apiKey + ", apiSecret=(hidden)]";
	}

}
