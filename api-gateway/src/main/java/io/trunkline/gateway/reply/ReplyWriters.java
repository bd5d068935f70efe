package io.trunkline.gateway.reply;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The threads that write answers from provisioning outcomes. The thread that reads
 * outcomes hands each answer here, so a client slow to read its answer can never hold up
 * the answers of others.
 */
@Component
class ReplyWriters implements Executor, DisposableBean {

	private final ExecutorService threads;

	ReplyWriters() {
		AtomicInteger count = new AtomicInteger();
		this.threads = Executors.newFixedThreadPool(2, (task) -> {
			Thread thread = new Thread(task, "reply-writer-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	@Override
	public void execute(Runnable command) {
		this.threads.execute(command);
	}

	@Override
	public void destroy() throws InterruptedException {
		this.threads.shutdown();
		this.threads.awaitTermination(5, TimeUnit.SECONDS);
	}

}
