package io.trunkline.gateway.trunk.web;

import java.util.Map;
import java.util.UUID;

import io.trunkline.gateway.account.Caller;
import io.trunkline.gateway.account.web.RequiresApiKey;
import io.trunkline.gateway.reply.PendingReplies;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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

	private final PendingReplies replies;

	private final ReplySettings replySettings;

	private final Pagination pagination;

	private final JsonMapper json;

	private final ReplyWriters writers;

	SipTrunkController(CreateTrunkRules rules, ProvisioningRequests requests, SipTrunks trunks, PendingReplies replies,
			ReplySettings replySettings, Pagination pagination, JsonMapper json, ReplyWriters writers) {
		this.rules = rules;
		this.requests = requests;
		this.trunks = trunks;
		this.replies = replies;
		this.replySettings = replySettings;
		this.pagination = pagination;
		this.json = json;
		this.writers = writers;
	}

	/**
	 * Creates a trunk. Answers {@code 201} or {@code 500} from the provisioning outcome;
	 * {@code 202} with a status resource when the outcome takes longer than the
	 * configured wait (or a shorter {@code Prefer: wait=<seconds>}), or at once with
	 * {@code Prefer: respond-async} (RFC 7240), or when as many creates as allowed
	 * already wait on this replica. While it waits, the request holds no thread: it is in
	 * asynchronous mode and its answer is written by {@link AwaitedAnswer}.
	 */
	@AnswersAsCreate
	@PostMapping(produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Object> create(Caller caller, @RequestBody JsonNode body,
			@RequestHeader(name = "Prefer", required = false) String prefer, HttpServletRequest servletRequest) {
		CreateTrunk command = this.rules.validate(body);
		UUID requestId = UUID.randomUUID();
		Preferences preferences = Preferences.parse(prefer);
		AwaitedAnswer answer = new AwaitedAnswer(this.json, this.writers,
				() -> answerFromDatabase(requestId, caller.accountId()), () -> this.replies.forget(requestId));
		if (preferences.respondAsync()
				|| !this.replies.await(requestId, (outcome) -> answer.answer(answerFrom(outcome, command)))) {
			this.requests.submit(requestId, caller.accountId(), command);
			return Answers.accepted(requestId, this.replySettings.retryAfter());
		}
		try {
			this.requests.submit(requestId, caller.accountId(), command);
		}
		catch (RuntimeException ex) {
			this.replies.forget(requestId);
			throw ex;
		}
		answer.start(servletRequest.startAsync(), preferences.wait(this.replySettings.timeout()).toMillis());
		// Answered by AwaitedAnswer: nothing for Spring MVC to write.
		return null;
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
	 * Answers from the outcome alone: the committed trunk is the command's fields plus
	 * what the outcome carries (see {@link TrunkProvisioned#occurredAt()}), so no read is
	 * needed on the outcome consumer's thread.
	 */
	private ResponseEntity<Object> answerFrom(ProvisioningOutcome outcome, CreateTrunk command) {
		if (outcome instanceof TrunkProvisioned provisioned) {
			return Answers.created(SipTrunk.committed(provisioned.trunkId(), command, provisioned.inboundTrunkId(),
					provisioned.outboundTrunkId(), provisioned.occurredAt()));
		}
		return Answers.provisioningFailed();
	}

	private ResponseEntity<Object> answerFromDatabase(UUID requestId, long accountId) {
		ProvisioningRequest request = this.requests.find(requestId, accountId).orElse(null);
		if (request == null || request.status() == ProvisioningStatus.PENDING) {
			return Answers.accepted(requestId, this.replySettings.retryAfter());
		}
		if (request.status() == ProvisioningStatus.FAILED) {
			return Answers.provisioningFailed();
		}
		return this.trunks.find(accountId, request.trunkId())
			.map(Answers::created)
			.orElseGet(() -> Answers.accepted(requestId, this.replySettings.retryAfter()));
	}

}
