package io.trunkline.livekit.standin;

import java.util.function.Function;

import com.google.protobuf.Message;

/**
 * One method of the {@code livekit.SIP} Twirp service: its name on the path, the request
 * message it decodes, and what it does.
 *
 * @param name the method name, e.g. {@code CreateSIPInboundTrunk}
 * @param requestPrototype the default instance of the request message, for decoding
 * @param call the behaviour; throws {@link RequestRejected} to answer with a Twirp error
 */
record SipRpc(String name, Message requestPrototype, Function<Message, Message> call) {

	@SuppressWarnings("unchecked")
	static <Q extends Message> SipRpc of(String name, Q requestPrototype, Function<Q, ? extends Message> call) {
		return new SipRpc(name, requestPrototype, (request) -> call.apply((Q) request));
	}

}
