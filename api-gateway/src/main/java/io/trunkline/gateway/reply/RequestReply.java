package io.trunkline.gateway.reply;

import java.io.IOException;
import java.util.UUID;

import io.trunkline.schema.provisioning.ProvisioningOutcome;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Request-reply over the pipeline: a command is submitted (written with its outbox event)
 * and the HTTP request that carried it is answered from the command's provisioning
 * outcome, or with {@code 202} and a status resource when the outcome does not come in
 * time, the client prefers not to wait ({@code Prefer: respond-async}, RFC 7240), or no
 * outcome can reach this replica.
 * <p>
 * The order is what makes it safe: interest in the outcome is registered before the
 * command is submitted, so an outcome that comes back faster than the request enters
 * asynchronous mode is kept, not lost; a command that is refused is forgotten again.
 * While it waits the request holds no thread; {@link AwaitedAnswer} writes its answer.
 */
@Component
public class RequestReply {

	private static final Logger logger = LoggerFactory.getLogger(RequestReply.class);

	private final PendingReplies replies;

	private final ReplySettings settings;

	private final JsonMapper json;

	private final ReplyWriters writers;

	RequestReply(PendingReplies replies, ReplySettings settings, JsonMapper json, ReplyWriters writers) {
		this.replies = replies;
		this.settings = settings;
		this.json = json;
		this.writers = writers;
	}

	/**
	 * Submits the exchange's command and answers the request, now or once its outcome is
	 * known. Nothing is written when {@link Exchange#submit()} throws: the caller's error
	 * handling answers.
	 * @param exchange the command and its answers
	 * @param prefer the request's {@code Prefer} header, or {@code null}
	 * @param request the HTTP request, put in asynchronous mode when it waits
	 * @param response its response
	 */
	public void answer(Exchange exchange, String prefer, HttpServletRequest request, HttpServletResponse response) {
		UUID requestId = exchange.requestId();
		Preferences preferences = Preferences.parse(prefer);
		AwaitedAnswer answer = new AwaitedAnswer(this.json, this.writers, exchange::answerFromDatabase,
				() -> this.replies.forget(requestId));
		if (preferences.respondAsync()
				|| !this.replies.await(requestId, (outcome) -> answer.answer(exchange.answerFrom(outcome)))) {
			exchange.submit();
			writeNow(response, exchange.accepted());
			return;
		}
		try {
			exchange.submit();
		}
		catch (RuntimeException ex) {
			this.replies.forget(requestId);
			throw ex;
		}
		answer.start(request.startAsync(request, response), preferences.wait(this.settings.timeout()).toMillis());
	}

	private void writeNow(HttpServletResponse response, ResponseEntity<Object> answer) {
		try {
			AwaitedAnswer.writeTo(response, answer, this.json);
		}
		catch (IOException ex) {
			// The client went away meanwhile: the command stands, its status is readable.
			logger.debug("Could not write the answer to a command: {}", ex.toString());
		}
	}

	/**
	 * One command awaited by its request: how it is submitted and how each way its wait
	 * can end is answered.
	 */
	public interface Exchange {

		/**
		 * @return the command's request id, which its outcome carries
		 */
		UUID requestId();

		/**
		 * Writes the command and its outbox event, or throws to refuse it.
		 */
		void submit();

		/**
		 * @param outcome the command's outcome
		 * @return the answer; called on the thread that reads outcomes, so it reads
		 * nothing from the database
		 */
		ResponseEntity<Object> answerFrom(ProvisioningOutcome outcome);

		/**
		 * @return the answer when the wait ends before the outcome arrives, from the
		 * database (the source of truth)
		 */
		ResponseEntity<Object> answerFromDatabase();

		/**
		 * @return the {@code 202} with the command's status resource
		 */
		ResponseEntity<Object> accepted();

	}

}
