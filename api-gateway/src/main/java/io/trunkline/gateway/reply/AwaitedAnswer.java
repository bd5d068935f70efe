package io.trunkline.gateway.reply;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The answer to one create that waits for its provisioning outcome, written straight to
 * the open servlet response.
 * <p>
 * The request is put in asynchronous mode without a second pass through Spring MVC: the
 * answer is a small JSON body, so it is written directly (on the reply writers, never on
 * the thread that reads outcomes) instead of dispatching the request back into the
 * servlet. Exactly one answer is written: the outcome's, or, when the wait ends first,
 * the one read from the database. The outcome may arrive before the request entered
 * asynchronous mode; it is then kept and written as soon as it has.
 */
final class AwaitedAnswer implements AsyncListener {

	private static final Logger logger = LoggerFactory.getLogger(AwaitedAnswer.class);

	private final JsonMapper json;

	private final Executor writers;

	private final Supplier<ResponseEntity<Object>> fromDatabase;

	private final Runnable onEnd;

	private AsyncContext context;

	private ResponseEntity<Object> early;

	private boolean answered;

	private final CountDownLatch written = new CountDownLatch(1);

	/**
	 * @param json the API's JSON mapper
	 * @param writers where answers are written
	 * @param fromDatabase the answer when the wait ends before the outcome arrives
	 * @param onEnd run once the request ends, however it ends
	 */
	AwaitedAnswer(JsonMapper json, Executor writers, Supplier<ResponseEntity<Object>> fromDatabase, Runnable onEnd) {
		this.json = json;
		this.writers = writers;
		this.fromDatabase = fromDatabase;
		this.onEnd = onEnd;
	}

	/**
	 * Starts waiting, once the request is in asynchronous mode.
	 * @param context the request's asynchronous context
	 * @param timeoutMillis how long to wait for the outcome
	 */
	void start(AsyncContext context, long timeoutMillis) {
		context.setTimeout(timeoutMillis);
		context.addListener(this);
		ResponseEntity<Object> ready;
		synchronized (this) {
			this.context = context;
			ready = this.early;
		}
		if (ready != null) {
			this.writers.execute(() -> write(ready));
		}
	}

	/**
	 * Answers with the outcome's answer, unless the request was answered already.
	 * @param answer the answer
	 */
	void answer(ResponseEntity<Object> answer) {
		synchronized (this) {
			if (this.context == null) {
				this.early = answer;
				return;
			}
		}
		this.writers.execute(() -> write(answer));
	}

	/**
	 * @return whether this call wrote the answer (false: another one did, or is)
	 */
	private boolean write(ResponseEntity<Object> answer) {
		AsyncContext async;
		synchronized (this) {
			if (this.answered) {
				return false;
			}
			this.answered = true;
			async = this.context;
		}
		try {
			writeTo((HttpServletResponse) async.getResponse(), answer, this.json);
		}
		catch (IOException | IllegalStateException ex) {
			// The client went away (or the container ended the request) meanwhile.
			logger.debug("Could not write the answer to a create: {}", ex.toString());
		}
		finally {
			completeQuietly(async);
			this.written.countDown();
		}
		return true;
	}

	/**
	 * Writes an answer as JSON, status and headers included.
	 * @param response where to
	 * @param answer the answer
	 * @param json the API's JSON mapper
	 * @throws IOException when the client went away
	 */
	static void writeTo(HttpServletResponse response, ResponseEntity<Object> answer, JsonMapper json)
			throws IOException {
		byte[] body = json.writeValueAsBytes(answer.getBody());
		response.setStatus(answer.getStatusCode().value());
		answer.getHeaders().forEach((name, values) -> values.forEach((value) -> response.addHeader(name, value)));
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

	@Override
	public void onTimeout(AsyncEvent event) {
		this.onEnd.run();
		ResponseEntity<Object> answer;
		try {
			answer = this.fromDatabase.get();
		}
		catch (RuntimeException ex) {
			logger.warn("Could not read the state of a create whose wait ended: {}", ex.toString());
			completeQuietly(event.getAsyncContext());
			throw ex;
		}
		// On the container's thread, which must leave the request answered or completed:
		// when the outcome's answer is being written meanwhile, that write completes it.
		if (!write(answer)) {
			try {
				this.written.await(5, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public void onComplete(AsyncEvent event) {
		this.onEnd.run();
	}

	@Override
	public void onError(AsyncEvent event) {
		synchronized (this) {
			this.answered = true;
		}
		this.onEnd.run();
		completeQuietly(event.getAsyncContext());
	}

	@Override
	public void onStartAsync(AsyncEvent event) {
	}

	private static void completeQuietly(AsyncContext async) {
		try {
			async.complete();
		}
		catch (IllegalStateException ex) {
			// Already completed.
		}
	}

}
