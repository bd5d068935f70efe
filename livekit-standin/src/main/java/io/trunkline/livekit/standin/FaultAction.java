package io.trunkline.livekit.standin;

import java.time.Duration;

/**
 * What an injected fault does to one request. The first three act before the request is
 * looked at (a proxy or network in front of LiveKit failing); the last two let LiveKit
 * perform the request and then lose or hold back the answer.
 */
sealed interface FaultAction {

	/**
	 * Answer with a Twirp error instead of performing the request.
	 *
	 * @param error the error to answer with
	 */
	record Respond(TwirpError error) implements FaultAction {

	}

	/**
	 * Wait, then handle the request normally.
	 *
	 * @param duration how long to wait
	 */
	record Delay(Duration duration) implements FaultAction {

	}

	/**
	 * Close the connection without answering or performing anything.
	 */
	record DropConnection() implements FaultAction {

	}

	/**
	 * Perform the request, then close the connection without answering: the lost
	 * response.
	 */
	record PerformThenDropResponse() implements FaultAction {

	}

	/**
	 * Perform the request, then wait before answering: a client that gives up sees a
	 * timeout for a request that succeeded.
	 *
	 * @param duration how long to wait
	 */
	record DelayAfterPerforming(Duration duration) implements FaultAction {

	}

}
