package io.trunkline.gateway.trunk.web;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.trunkline.gateway.account.Caller;
import io.trunkline.gateway.account.web.RequiresApiKey;
import io.trunkline.gateway.reply.RequestReply;
import io.trunkline.gateway.reply.ReplySettings;
import io.trunkline.gateway.trunk.CreateTrunk;
import io.trunkline.gateway.trunk.CreateTrunkRules;
import io.trunkline.gateway.trunk.ProvisioningRequest;
import io.trunkline.gateway.trunk.ProvisioningRequests;
import io.trunkline.gateway.trunk.SipTrunk;
import io.trunkline.gateway.trunk.SipTrunks;
import io.trunkline.gateway.trunk.TrunkNotFound;
import io.trunkline.schema.provisioning.ProvisioningOutcome;
import io.trunkline.schema.provisioning.TrunkProvisioned;
import io.trunkline.schema.trunk.ProvisioningStatus;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/user/phone-numbers/sip-trunks}: create (answered from the provisioning
 * outcome), get, list, and the status of a create that outlived the wait.
 */
@RestController
@RequiresApiKey
@RequestMapping("/api/user/phone-numbers/sip-trunks")
class SipTrunkController {

	private final CreateTrunkRules rules;

	private final ProvisioningRequests requests;

	private final SipTrunks trunks;

	private final RequestReply requestReply;

	private final ReplySettings replySettings;

	private final Pagination pagination;

	private final Timer accepting;

	SipTrunkController(CreateTrunkRules rules, ProvisioningRequests requests, SipTrunks trunks,
			RequestReply requestReply, ReplySettings replySettings, Pagination pagination, MeterRegistry meters) {
		this.rules = rules;
		this.requests = requests;
		this.trunks = trunks;
		this.requestReply = requestReply;
		this.replySettings = replySettings;
		this.pagination = pagination;
		this.accepting = Timer.builder("trunkline.creates.accept")
			.description("Accepting a create the API took: validation, encryption, the request and its outbox row "
					+ "written and committed, up to the wait for its outcome")
			.register(meters);
	}

	/**
	 * Creates a trunk. Answers {@code 201} or {@code 500} from the provisioning outcome;
	 * {@code 202} with a status resource when the outcome takes longer than the
	 * configured wait (or a shorter {@code Prefer: wait=<seconds>}), or at once with
	 * {@code Prefer: respond-async} (RFC 7240), or when as many creates as allowed
	 * already wait on this replica: see {@link RequestReply}, which writes the answer.
	 */
	@AnswersAsCreate
	@PostMapping(produces = MediaType.APPLICATION_JSON_VALUE)
	void create(Caller caller, @RequestBody JsonNode body,
			@RequestHeader(name = "Prefer", required = false) String prefer, HttpServletRequest request,
			HttpServletResponse response) {
		long started = System.nanoTime();
		CreateTrunk command = this.rules.validate(body);
		this.requestReply.answer(new Creation(UUID.randomUUID(), caller.accountId(), command), prefer, request,
				response);
		this.accepting.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
	}

	@GetMapping("/{id}")
	Map<String, Object> get(Caller caller, @PathVariable String id) {
		long trunkId = TrunkIds.parse(id);
		SipTrunk trunk = this.trunks.find(caller.accountId(), trunkId).orElseThrow(TrunkNotFound::new);
		return Map.of("data", TrunkJson.of(trunk));
	}

	/**
	 * Lists the caller's trunks, newest first. Without {@code page} and {@code per_page}
	 * the documented shape is returned, capped; with them, one page and its {@code meta}.
	 */
	@GetMapping
	Map<String, Object> list(Caller caller, @RequestParam(name = "page", required = false) String page,
			@RequestParam(name = "per_page", required = false) String perPage) {
		return this.pagination.page(caller.accountId(), page, perPage);
	}

	@GetMapping("/requests/{requestId}")
	Map<String, Object> request(Caller caller, @PathVariable String requestId) {
		ProvisioningRequest request = this.requests.find(TrunkIds.parseRequest(requestId), caller.accountId())
			.orElseThrow(TrunkNotFound::new);
		SipTrunk trunk = (request.trunkId() != null)
				? this.trunks.find(caller.accountId(), request.trunkId()).orElse(null) : null;
		return Map.of("data", Answers.requestData(request, trunk));
	}

	/**
	 * One create awaited by its request.
	 */
	private final class Creation implements RequestReply.Exchange {

		private final UUID requestId;

		private final long accountId;

		private final CreateTrunk command;

		Creation(UUID requestId, long accountId, CreateTrunk command) {
			this.requestId = requestId;
			this.accountId = accountId;
			this.command = command;
		}

		@Override
		public UUID requestId() {
			return this.requestId;
		}

		@Override
		public void submit() {
			SipTrunkController.this.requests.submit(this.requestId, this.accountId, this.command);
		}

		/**
		 * Answers from the outcome alone: the committed trunk is the command's fields
		 * plus what the outcome carries (see {@link TrunkProvisioned#occurredAt()}), so
		 * no read is needed on the outcome consumer's thread.
		 */
		@Override
		public ResponseEntity<Object> answerFrom(ProvisioningOutcome outcome) {
			if (outcome instanceof TrunkProvisioned provisioned) {
				return Answers.created(SipTrunk.committed(provisioned.trunkId(), this.command,
						provisioned.inboundTrunkId(), provisioned.outboundTrunkId(), provisioned.occurredAt()));
			}
			return Answers.provisioningFailed();
		}

		@Override
		public ResponseEntity<Object> answerFromDatabase() {
			ProvisioningRequest request = SipTrunkController.this.requests.find(this.requestId, this.accountId)
				.orElse(null);
			if (request == null || request.status() == ProvisioningStatus.PENDING) {
				return accepted();
			}
			if (request.status() == ProvisioningStatus.FAILED) {
				return Answers.provisioningFailed();
			}
			return SipTrunkController.this.trunks.find(this.accountId, request.trunkId())
				.map(Answers::created)
				.orElseGet(this::accepted);
		}

		@Override
		public ResponseEntity<Object> accepted() {
			return Answers.accepted(this.requestId, SipTrunkController.this.replySettings.retryAfter());
		}

	}

}
