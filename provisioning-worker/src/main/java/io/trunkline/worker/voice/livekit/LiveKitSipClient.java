package io.trunkline.worker.voice.livekit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.trunkline.worker.voice.ExistingTrunk;
import io.trunkline.worker.voice.ExistingTrunk.Direction;
import io.trunkline.worker.voice.InboundTrunk;
import io.trunkline.worker.voice.OutboundTrunk;
import io.trunkline.worker.voice.VoiceInfrastructure;
import io.trunkline.worker.voice.VoiceInfrastructureMisconfigured;
import io.trunkline.worker.voice.VoiceInfrastructureRejected;
import io.trunkline.worker.voice.VoiceInfrastructureUnavailable;
import livekit.LivekitSip.CreateSIPInboundTrunkRequest;
import livekit.LivekitSip.CreateSIPOutboundTrunkRequest;
import livekit.LivekitSip.DeleteSIPTrunkRequest;
import livekit.LivekitSip.ListSIPInboundTrunkRequest;
import livekit.LivekitSip.ListSIPInboundTrunkResponse;
import livekit.LivekitSip.ListSIPOutboundTrunkRequest;
import livekit.LivekitSip.ListSIPOutboundTrunkResponse;
import livekit.LivekitSip.SIPInboundTrunkInfo;
import livekit.LivekitSip.SIPOutboundTrunkInfo;
import livekit.LivekitSip.SIPTrunkInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * LiveKit's SIP service over Twirp: {@code POST {url}/twirp/livekit.SIP/{Method}} with
 * protobuf bodies built from LiveKit's own generated classes, authenticated by
 * short-lived tokens with the SIP admin grant.
 * <p>
 * Errors are mapped once, here: network errors and timeouts, {@code unavailable},
 * {@code resource_exhausted}, {@code deadline_exceeded} and 5xx are
 * {@link VoiceInfrastructureUnavailable} (retryable; the outcome of a create is unknown
 * after a timeout or a dropped connection); 401 and 403 are
 * {@link VoiceInfrastructureMisconfigured}, logged as an alert and never retried; every
 * other 4xx is {@link VoiceInfrastructureRejected}. Each call is counted and timed by
 * method and code. Request and response bodies are never logged: both carry the SIP
 * password. Of an error body only the Twirp code and message are kept (the message cut to
 * {@value #MESSAGE_LIMIT} characters, stripped of control characters and of the password
 * the call sent), never the raw body: it ends up in the request's attempt history.
 */
@Component
class LiveKitSipClient implements VoiceInfrastructure {

	private static final Logger logger = LoggerFactory.getLogger(LiveKitSipClient.class);

	private static final String PROTOBUF = "application/protobuf";

	/**
	 * What a Twirp error code looks like ({@code invalid_argument}); anything else in its
	 * place is not repeated.
	 */
	private static final Pattern TWIRP_CODE = Pattern.compile("[a-z_]{1,40}");

	/**
	 * The most characters of LiveKit's error message that are kept.
	 */
	static final int MESSAGE_LIMIT = 200;

	private final LiveKitSettings settings;

	private final AccessTokens tokens;

	private final HttpClient http;

	private final MeterRegistry meters;

	LiveKitSipClient(LiveKitSettings settings, MeterRegistry meters) {
		this.settings = settings;
		this.tokens = new AccessTokens(settings, Clock.systemUTC());
		this.meters = meters;
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(settings.connectTimeout())
			.build();
		logger.info("Provisioning on LiveKit at {} with API key {}", settings.url(), settings.apiKey());
	}

	@Override
	public String createInboundTrunk(InboundTrunk trunk) {
		SIPInboundTrunkInfo info = SIPInboundTrunkInfo.newBuilder()
			.setName(trunk.name())
			.setMetadata(trunk.metadata())
			.addAllNumbers(trunk.numbers())
			.addAllAllowedAddresses(trunk.allowedAddresses())
			.setAuthUsername(trunk.authUsername())
			.setAuthPassword(trunk.authPassword())
			.build();
		return call("CreateSIPInboundTrunk", CreateSIPInboundTrunkRequest.newBuilder().setTrunk(info).build(),
				SIPInboundTrunkInfo.parser(), trunk.authPassword())
			.getSipTrunkId();
	}

	@Override
	public String createOutboundTrunk(OutboundTrunk trunk) {
		SIPOutboundTrunkInfo info = SIPOutboundTrunkInfo.newBuilder()
			.setName(trunk.name())
			.setMetadata(trunk.metadata())
			.setAddress(trunk.address())
			.addAllNumbers(trunk.numbers())
			.setAuthUsername(trunk.authUsername())
			.setAuthPassword(trunk.authPassword())
			.setDestinationCountry(trunk.destinationCountry())
			.putAllHeaders(trunk.headers())
			.build();
		return call("CreateSIPOutboundTrunk", CreateSIPOutboundTrunkRequest.newBuilder().setTrunk(info).build(),
				SIPOutboundTrunkInfo.parser(), trunk.authPassword())
			.getSipTrunkId();
	}

	@Override
	public List<ExistingTrunk> findInboundTrunks(String number) {
		return inbound(ListSIPInboundTrunkRequest.newBuilder().addNumbers(number).build());
	}

	@Override
	public List<ExistingTrunk> findOutboundTrunks(String number) {
		return outbound(ListSIPOutboundTrunkRequest.newBuilder().addNumbers(number).build());
	}

	@Override
	public List<ExistingTrunk> listTrunks() {
		List<ExistingTrunk> all = new ArrayList<>(inbound(ListSIPInboundTrunkRequest.getDefaultInstance()));
		all.addAll(outbound(ListSIPOutboundTrunkRequest.getDefaultInstance()));
		return all;
	}

	@Override
	public void deleteTrunk(String trunkId) {
		try {
			call("DeleteSIPTrunk", DeleteSIPTrunkRequest.newBuilder().setSipTrunkId(trunkId).build(),
					SIPTrunkInfo.parser(), "");
		}
		catch (VoiceInfrastructureRejected ex) {
			if (!"not_found".equals(ex.code())) {
				throw ex;
			}
		}
	}

	private List<ExistingTrunk> inbound(ListSIPInboundTrunkRequest request) {
		return call("ListSIPInboundTrunk", request, ListSIPInboundTrunkResponse.parser(), "").getItemsList()
			.stream()
			.map((t) -> new ExistingTrunk(t.getSipTrunkId(), Direction.INBOUND, t.getMetadata(), t.getNumbersList()))
			.toList();
	}

	private List<ExistingTrunk> outbound(ListSIPOutboundTrunkRequest request) {
		return call("ListSIPOutboundTrunk", request, ListSIPOutboundTrunkResponse.parser(), "").getItemsList()
			.stream()
			.map((t) -> new ExistingTrunk(t.getSipTrunkId(), Direction.OUTBOUND, t.getMetadata(), t.getNumbersList()))
			.toList();
	}

	/**
	 * @param secret the SIP password the request carries, or {@code ""}: it is removed
	 * from LiveKit's error message
	 */
	private <T extends Message> T call(String method, Message request, Parser<T> responseParser, String secret) {
		HttpRequest httpRequest = HttpRequest
			.newBuilder(URI.create(this.settings.url() + "/twirp/livekit.SIP/" + method))
			.timeout(this.settings.readTimeout())
			.header("Content-Type", PROTOBUF)
			.header("Authorization", "Bearer " + this.tokens.current())
			.POST(HttpRequest.BodyPublishers.ofByteArray(request.toByteArray()))
			.build();
		long started = System.nanoTime();
		String code = "io_error";
		try {
			HttpResponse<byte[]> response = this.http.send(httpRequest, HttpResponse.BodyHandlers.ofByteArray());
			if (response.statusCode() == 200) {
				code = "ok";
				return responseParser.parseFrom(response.body());
			}
			JsonNode error = twirpError(response.body());
			code = twirpCode(response.statusCode(), error);
			throw failure(method, response.statusCode(), code, twirpMessage(error, secret));
		}
		catch (HttpTimeoutException ex) {
			code = "timeout";
			throw new VoiceInfrastructureUnavailable(method + " timed out", true);
		}
		catch (InvalidProtocolBufferException ex) {
			code = "malformed_response";
			throw new VoiceInfrastructureUnavailable(method + " answered an unreadable body", true);
		}
		catch (IOException ex) {
			throw new VoiceInfrastructureUnavailable(
					method + " failed on the network: " + ex.getClass().getSimpleName(), true);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new VoiceInfrastructureUnavailable(method + " was interrupted", true);
		}
		finally {
			Timer.builder("trunkline.livekit.call.duration")
				.description("LiveKit SIP API calls by method and result code")
				.tag("method", method)
				.tag("code", code)
				.register(this.meters)
				.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
		}
	}

	private RuntimeException failure(String method, int status, String code, String message) {
		if (status == 401 || status == 403) {
			logger.error(
					"ALERT: LiveKit refused our credentials on {} ({} {}): check LIVEKIT_API_KEY and "
							+ "LIVEKIT_API_SECRET; nothing will be provisioned until they are fixed",
					method, status, code);
			return new VoiceInfrastructureMisconfigured(method + " was refused: " + status + " " + code);
		}
		boolean retryable = status >= 500 || status == 429 || status == 408 || "unavailable".equals(code)
				|| "resource_exhausted".equals(code) || "deadline_exceeded".equals(code);
		if (retryable) {
			// A 5xx may come after the work was done (an internal error while answering):
			// treat it as unknown.
			return new VoiceInfrastructureUnavailable(method + " answered " + status + " " + code, status >= 500);
		}
		return new VoiceInfrastructureRejected(code, message);
	}

	/**
	 * @return the Twirp error an error body holds ({@code {"code": …, "msg": …}}), or
	 * {@code null} when it is something else (a proxy's page)
	 */
	private static JsonNode twirpError(byte[] body) {
		try {
			JsonNode error = JsonMapper.shared().readTree(body);
			return (error != null && error.isObject()) ? error : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static String twirpCode(int status, JsonNode error) {
		JsonNode code = (error != null) ? error.get("code") : null;
		if (code != null && code.isString() && TWIRP_CODE.matcher(code.asString()).matches()) {
			return code.asString();
		}
		return "http_" + status;
	}

	/**
	 * @param secret the password the call sent, or {@code ""}
	 * @return the Twirp message of an error, bounded and cleaned; a body that is not a
	 * Twirp error is not repeated at all
	 */
	private static String twirpMessage(JsonNode error, String secret) {
		JsonNode msg = (error != null) ? error.get("msg") : null;
		if (msg == null || !msg.isString()) {
			return "(no Twirp message)";
		}
		String message = msg.asString();
		if (!secret.isEmpty()) {
			message = message.replace(secret, "(redacted)");
		}
		message = message.replaceAll("\\p{Cntrl}", " ");
		return (message.length() > MESSAGE_LIMIT) ? message.substring(0, MESSAGE_LIMIT) : message;
	}

}
