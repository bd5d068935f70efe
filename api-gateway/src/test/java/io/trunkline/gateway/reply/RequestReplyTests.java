package io.trunkline.gateway.reply;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.trunkline.schema.provisioning.ProvisioningOutcome;
import io.trunkline.schema.provisioning.TrunkProvisioningFailed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockAsyncContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * The reply protocol in the order that makes it safe: interest registered before the
 * command is submitted, forgotten when it is refused, {@code 202} at once when the client
 * or the replica cannot wait, and exactly one answer once the request waits.
 */
class RequestReplyTests {

	final ReplyWriters writers = new ReplyWriters();

	final PendingReplies replies = new PendingReplies(
			new ReplySettings(Duration.ofSeconds(25), Duration.ofSeconds(1), 10), new SimpleMeterRegistry());

	final RequestReply requestReply = new RequestReply(this.replies,
			new ReplySettings(Duration.ofSeconds(25), Duration.ofSeconds(1), 10), JsonMapper.builder().build(),
			this.writers);

	final MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/user/phone-numbers/sip-trunks");

	final MockHttpServletResponse response = new MockHttpServletResponse();

	final FakeExchange exchange = new FakeExchange();

	RequestReplyTests() {
		this.request.setAsyncSupported(true);
		this.replies.outcomesArrive(true);
	}

	@AfterEach
	void stopWriters() throws InterruptedException {
		this.writers.destroy();
	}

	@Test
	void waitsForTheOutcomeRegisteredBeforeTheSubmissionAndAnswersFromIt() throws Exception {
		this.exchange.onSubmit = () -> assertThat(this.replies.isWaiting(this.exchange.requestId))
			.as("registered before the command is written")
			.isTrue();

		this.requestReply.answer(this.exchange, null, this.request, this.response);

		assertThat(this.exchange.submitted).containsExactly("submit");
		assertThat(this.request.isAsyncStarted()).isTrue();
		assertThat(((MockAsyncContext) this.request.getAsyncContext()).getTimeout()).isEqualTo(25_000);
		assertThat(this.replies.deliver(outcome(this.exchange.requestId))).isTrue();
		await().untilAsserted(() -> assertThat(this.response.getStatus()).isEqualTo(201));
		assertThat(this.response.getContentAsString()).isEqualTo("{\"data\":\"from the outcome\"}");
		assertThat(this.replies.isWaiting(this.exchange.requestId)).isFalse();
	}

	@Test
	void keepsAnOutcomeThatArrivesWhileTheCommandIsSubmitted() {
		this.exchange.onSubmit = () -> this.replies.deliver(outcome(this.exchange.requestId));

		this.requestReply.answer(this.exchange, null, this.request, this.response);

		await().untilAsserted(() -> assertThat(this.response.getStatus()).isEqualTo(201));
		assertThat(this.exchange.answeredFromDatabase).isZero();
	}

	@Test
	void waitsAsLongAsThePreferHeaderAsksWithinTheReplyTimeout() {
		this.requestReply.answer(this.exchange, "wait=3", this.request, this.response);

		assertThat(((MockAsyncContext) this.request.getAsyncContext()).getTimeout()).isEqualTo(3_000);
	}

	@Test
	void answersAcceptedAtOnceWhenTheClientPrefersNotToWait() {
		this.requestReply.answer(this.exchange, "respond-async", this.request, this.response);

		assertThat(this.exchange.submitted).containsExactly("submit");
		assertThat(this.request.isAsyncStarted()).isFalse();
		assertThat(this.response.getStatus()).isEqualTo(202);
		assertThat(this.response.getHeader("Location")).isEqualTo("/requests/" + this.exchange.requestId);
		assertThat(this.replies.isWaiting(this.exchange.requestId)).isFalse();
	}

	@Test
	void answersAcceptedAtOnceWhenNoOutcomeCanReachThisReplica() {
		this.replies.outcomesArrive(false);

		this.requestReply.answer(this.exchange, null, this.request, this.response);

		assertThat(this.exchange.submitted).containsExactly("submit");
		assertThat(this.request.isAsyncStarted()).isFalse();
		assertThat(this.response.getStatus()).isEqualTo(202);
	}

	@Test
	void forgetsARefusedCommandAndLeavesTheAnswerToTheCallersErrorHandling() throws Exception {
		this.exchange.onSubmit = () -> {
			throw new IllegalStateException("refused");
		};

		assertThatIllegalStateException()
			.isThrownBy(() -> this.requestReply.answer(this.exchange, null, this.request, this.response));

		assertThat(this.replies.isWaiting(this.exchange.requestId)).isFalse();
		assertThat(this.request.isAsyncStarted()).isFalse();
		assertThat(this.response.isCommitted()).isFalse();
		assertThat(this.response.getContentAsString()).isEmpty();
	}

	static ProvisioningOutcome outcome(UUID requestId) {
		return TrunkProvisioningFailed.of(requestId, 7, "livekit_unavailable", Instant.now());
	}

	static final class FakeExchange implements RequestReply.Exchange {

		final UUID requestId = UUID.randomUUID();

		final List<String> submitted = new CopyOnWriteArrayList<>();

		Runnable onSubmit = () -> {
		};

		int answeredFromDatabase;

		@Override
		public UUID requestId() {
			return this.requestId;
		}

		@Override
		public void submit() {
			this.onSubmit.run();
			this.submitted.add("submit");
		}

		@Override
		public ResponseEntity<Object> answerFrom(ProvisioningOutcome outcome) {
			return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("data", "from the outcome"));
		}

		@Override
		public ResponseEntity<Object> answerFromDatabase() {
			this.answeredFromDatabase++;
			return accepted();
		}

		@Override
		public ResponseEntity<Object> accepted() {
			return ResponseEntity.status(HttpStatus.ACCEPTED)
				.header("Location", "/requests/" + this.requestId)
				.body(Map.of("data", Map.of("status", "pending")));
		}

	}

}
