package io.trunkline.worker.voice.livekit;

import java.time.Clock;
import java.time.Instant;

import io.livekit.server.AccessToken;
import io.livekit.server.SIPAdmin;

/**
 * Short-lived LiveKit access tokens with the SIP admin grant, minted by LiveKit's own
 * {@link AccessToken} and reused until a minute before they expire.
 */
class AccessTokens {

	private final LiveKitSettings settings;

	private final Clock clock;

	private String token;

	private Instant renewAt = Instant.MIN;

	AccessTokens(LiveKitSettings settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
	}

	synchronized String current() {
		Instant now = this.clock.instant();
		if (this.token == null || !now.isBefore(this.renewAt)) {
			AccessToken accessToken = new AccessToken(this.settings.apiKey(), this.settings.apiSecret());
			accessToken.setTtl(this.settings.tokenTtl().toMillis());
			accessToken.addSIPGrants(new SIPAdmin(true));
			this.token = accessToken.toJwt();
			this.renewAt = now.plus(this.settings.tokenTtl()).minusSeconds(60);
		}
		return this.token;
	}

}
