package io.trunkline.livekit.standin;

import java.io.IOException;
import java.util.List;

import io.livekit.server.CreateSipOutboundTrunkOptions;
import io.livekit.server.SipServiceClient;
import livekit.LivekitSip.SIPInboundTrunkInfo;
import livekit.LivekitSip.SIPOutboundTrunkInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import retrofit2.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * LiveKit's own Java SDK, pointed at the stand-in, gets the answers it would get from
 * LiveKit.
 */
class OfficialSdkTests {

	private static LiveKitStandIn standIn;

	private static SipServiceClient sdk;

	@BeforeAll
	static void start() {
		standIn = StandInClient.startStandIn();
		sdk = SipServiceClient.createClient(standIn.url(), StandInClient.API_KEY, StandInClient.API_SECRET);
	}

	@AfterAll
	static void stop() {
		standIn.close();
	}

	@Test
	void createsListsAndDeletesTrunksThroughTheSdk() throws IOException {
		Response<SIPInboundTrunkInfo> inbound = sdk.createSipInboundTrunk("acme support line", List.of("+15550100"))
			.execute();
		CreateSipOutboundTrunkOptions options = new CreateSipOutboundTrunkOptions();
		options.setAuthUsername("acme");
		options.setAuthPassword("s3cret");
		Response<SIPOutboundTrunkInfo> outbound = sdk
			.createSipOutboundTrunk("acme outbound", "sip.carrier.example", List.of("+15550100"), options)
			.execute();
		Response<List<SIPInboundTrunkInfo>> listed = sdk.listSipInboundTrunk().execute();
		Response<?> deleted = sdk.deleteSipTrunk(outbound.body().getSipTrunkId()).execute();

		assertThat(inbound.code()).isEqualTo(200);
		assertThat(inbound.body().getSipTrunkId()).startsWith("ST_");
		assertThat(outbound.body().getAuthUsername()).isEqualTo("acme");
		assertThat(listed.body()).containsExactly(inbound.body());
		assertThat(deleted.code()).isEqualTo(200);
		assertThat(standIn.outboundTrunks()).isEmpty();
	}

	@Test
	void seesValidationErrorsAsHttpErrorsWithTwirpBodies() throws IOException {
		Response<SIPOutboundTrunkInfo> refused = sdk
			.createSipOutboundTrunk("bad", "sip:carrier.example", List.of("+15550100"))
			.execute();

		assertThat(refused.code()).isEqualTo(400);
		assertThat(refused.errorBody().string()).contains("\"code\":\"invalid_argument\"");
	}

}
