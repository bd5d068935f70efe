package io.trunkline.livekit.standin;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Injected waits (latency and delays) that end early when the stand-in is reset or
 * stopped, so that a request held back for one test can neither outlive {@code close()}
 * nor perform a create in the next test.
 */
final class Pauses {

	private CountDownLatch released = new CountDownLatch(1);

	private boolean stopped;

	/**
	 * @return the pauses of a request arriving now; they end early on the next reset or
	 * stop
	 */
	synchronized ForRequest forRequest() {
		return new ForRequest(this.released);
	}

	/**
	 * Ends the pauses of every request that arrived so far.
	 */
	synchronized void releaseAll() {
		this.released.countDown();
		if (!this.stopped) {
			this.released = new CountDownLatch(1);
		}
	}

	/**
	 * Ends every pause, now and from now on.
	 */
	synchronized void stop() {
		this.stopped = true;
		this.released.countDown();
	}

	/**
	 * The pauses of one request.
	 *
	 * @param released counted down when the request is to be abandoned
	 */
	record ForRequest(CountDownLatch released) {

		/**
		 * Waits for the given time.
		 * @param duration how long, zero for not at all (and then the request always goes
		 * on)
		 * @return {@code true} to go on with the request, {@code false} if the stand-in
		 * was reset or stopped since it arrived and the request is to be abandoned
		 * unanswered
		 */
		boolean pause(Duration duration) {
			if (duration.isZero()) {
				return true;
			}
			try {
				return !this.released.await(duration.toNanos(), TimeUnit.NANOSECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}

	}

}
