package io.trunkline.gateway.reply;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockAsyncContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exactly one answer per awaited create, written to the open response: whether the
 * outcome comes before the request entered asynchronous mode, after it, twice, or races
 * the end of the wait.
 */
class AwaitedAnswerTests {

	final JsonMapper json = JsonMapper.builder().build();

	final List<Runnable> queued = new ArrayList<>();

	final AtomicInteger ended = new AtomicInteger();

	final MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/user/phone-numbers/sip-trunks");

	final MockHttpServletResponse response = new MockHttpServletResponse();

	static final String REQUESTS_PATH = "/api/user/phone-numbers/sip-trunks/requests/";

	final ResponseEntity<Object> fromDatabase = ResponseEntity.status(HttpStatus.ACCEPTED)
		.location(URI.create(REQUESTS_PATH + UUID.randomUUID()))
		.header("Retry-After", "2")
		.body(Map.of("data", Map.of("status", "pending")));

	static ResponseEntity<Object> provisioningFailed() {
		return error(HttpStatus.INTERNAL_SERVER_ERROR,
				"Failed to create SIP trunk. Please try again or contact support.");
	}

	static ResponseEntity<Object> error(HttpStatus status, String message) {
		return ResponseEntity.status(status).body(Map.of("error", message));
	}

	final AwaitedAnswer answer = new AwaitedAnswer(this.json, this.queued::add, () -> this.fromDatabase,
			this.ended::incrementAndGet);

	MockAsyncContext startAsync() {
		this.request.setAsyncSupported(true);
		MockAsyncContext context = (MockAsyncContext) this.request.startAsync(this.request, this.response);
		this.answer.start(context, 1000);
		return context;
	}

	void runWriters() {
		List<Runnable> tasks = new ArrayList<>(this.queued);
		this.queued.clear();
		tasks.forEach(Runnable::run);
	}

	@Test
	void writesTheOutcomesAnswerAndCompletesTheRequest() throws Exception {
		startAsync();

		this.answer.answer(provisioningFailed());
		assertThat(this.response.getContentAsString()).as("written on the reply writers only").isEmpty();
		runWriters();

		assertThat(this.response.getStatus()).isEqualTo(500);
		assertThat(this.response.getContentType()).isEqualTo("application/json");
		assertThat(this.response.getContentAsString())
			.isEqualTo("{\"error\":\"Failed to create SIP trunk. Please try again or contact support.\"}");
		assertThat(this.request.isAsyncStarted()).as("completed").isFalse();
		assertThat(this.ended.get()).as("stopped waiting for the outcome").isPositive();
	}

	@Test
	void keepsAnOutcomeThatArrivesBeforeTheRequestWaitsAndWritesItOnceItDoes() throws Exception {
		this.answer.answer(error(HttpStatus.CONFLICT, "early"));
		assertThat(this.queued).isEmpty();

		startAsync();
		runWriters();

		assertThat(this.response.getStatus()).isEqualTo(409);
		assertThat(this.response.getContentAsString()).isEqualTo("{\"error\":\"early\"}");
	}

	@Test
	void writesOnlyTheFirstAnswer() throws Exception {
		startAsync();

		this.answer.answer(error(HttpStatus.CONFLICT, "first"));
		this.answer.answer(error(HttpStatus.GONE, "second"));
		runWriters();

		assertThat(this.response.getStatus()).isEqualTo(409);
		assertThat(this.response.getContentAsString()).isEqualTo("{\"error\":\"first\"}");
	}

	@Test
	void answersFromTheDatabaseWhenTheWaitEndsFirstAndIgnoresTheLateOutcome() throws Exception {
		MockAsyncContext context = startAsync();

		for (AsyncListener listener : context.getListeners()) {
			listener.onTimeout(new AsyncEvent(context));
		}
		this.answer.answer(provisioningFailed());
		runWriters();

		assertThat(this.response.getStatus()).isEqualTo(202);
		assertThat(this.response.getHeader("Location")).startsWith(REQUESTS_PATH);
		assertThat(this.response.getHeader("Retry-After")).isEqualTo("2");
		assertThat(this.json.readValue(this.response.getContentAsString(), Map.class)).containsKey("data");
		assertThat(this.ended.get()).as("stopped waiting for the outcome").isPositive();
		assertThat(this.request.isAsyncStarted()).as("completed").isFalse();
	}

}
