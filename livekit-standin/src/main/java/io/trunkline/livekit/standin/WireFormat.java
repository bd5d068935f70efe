package io.trunkline.livekit.standin;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;

/**
 * The two bodies a Twirp server accepts, chosen by the request's {@code Content-Type}
 * (parameters ignored, case ignored), and answered in the same format.
 */
enum WireFormat {

	JSON("application/json") {

		@Override
		Message decode(byte[] body, Message prototype) {
			String json = new String(body, StandardCharsets.UTF_8);
			try {
				if (json.isBlank()) {
					throw new InvalidProtocolBufferException("empty body");
				}
				return ProtoJson.parse(json, prototype.newBuilderForType()).build();
			}
			catch (InvalidProtocolBufferException | RuntimeException ex) {
				throw new RequestRejected(TwirpCode.MALFORMED, "the json request could not be decoded");
			}
		}

		@Override
		byte[] encode(Message message) {
			return ProtoJson.print(message).getBytes(StandardCharsets.UTF_8);
		}

	},

	PROTOBUF("application/protobuf") {

		@Override
		Message decode(byte[] body, Message prototype) {
			try {
				return prototype.getParserForType().parseFrom(body);
			}
			catch (InvalidProtocolBufferException ex) {
				throw new RequestRejected(TwirpCode.MALFORMED, "the protobuf request could not be decoded");
			}
		}

		@Override
		byte[] encode(Message message) {
			return message.toByteArray();
		}

	};

	private final String mediaType;

	WireFormat(String mediaType) {
		this.mediaType = mediaType;
	}

	/**
	 * @param contentType the request's {@code Content-Type}, possibly {@code null}
	 * @return the format, or {@code null} when Twirp would answer {@code bad_route}
	 */
	static WireFormat of(String contentType) {
		String header = (contentType != null) ? contentType : "";
		int semicolon = header.indexOf(';');
		String mediaType = ((semicolon < 0) ? header : header.substring(0, semicolon)).toLowerCase(Locale.ROOT).strip();
		for (WireFormat format : values()) {
			if (format.mediaType.equals(mediaType)) {
				return format;
			}
		}
		return null;
	}

	/**
	 * @throws RequestRejected with {@code malformed} when the body does not decode
	 */
	abstract Message decode(byte[] body, Message prototype);

	abstract byte[] encode(Message message);

	Reply reply(Message message) {
		return new Reply(200, this.mediaType, encode(message), Map.of());
	}

}
