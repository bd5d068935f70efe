package io.trunkline.worker.provisioning;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.trunkline.worker.voice.ResilientCalls;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The threads that run the LiveKit creates of every consumer thread, as many at once as
 * the {@code livekit} bulkhead lets through: more threads would only queue in it (and be
 * refused after its wait), fewer would leave its capacity unused.
 */
@Component
class CreatePool implements DisposableBean {

	private final ExecutorService threads;

	CreatePool(ResilientCalls resilient) {
		AtomicInteger count = new AtomicInteger();
		this.threads = Executors.newFixedThreadPool(resilient.maxConcurrentCalls(), (task) -> {
			Thread thread = new Thread(task, "livekit-create-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	/**
	 * @param create a find-or-create of one trunk
	 * @return its trunk's id, once a thread of the pool has run it
	 */
	CompletableFuture<String> run(Supplier<String> create) {
		return CompletableFuture.supplyAsync(create, this.threads);
	}

	@Override
	public void destroy() {
		this.threads.shutdown();
	}

}
