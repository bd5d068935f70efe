package io.trunkline.livekit.standin;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Injected waits that end early when the stand-in stops, so that {@code close()} is
 * prompt even while requests are held back by a long delay.
 */
final class Pauses {

	private final CountDownLatch stopped = new CountDownLatch(1);

	/**
	 * Waits for the given time.
	 * @param duration how long, zero for not at all
	 * @return {@code true} if the wait ran its course, {@code false} if the stand-in
	 * stopped meanwhile
	 */
	boolean pause(Duration duration) {
		if (duration.isZero()) {
			return !isStopped();
		}
		try {
			return !this.stopped.await(duration.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	void stop() {
		this.stopped.countDown();
	}

	boolean isStopped() {
		return this.stopped.getCount() == 0;
	}

}
