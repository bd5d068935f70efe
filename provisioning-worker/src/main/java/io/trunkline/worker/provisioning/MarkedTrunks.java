package io.trunkline.worker.provisioning;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

import io.trunkline.worker.provisioning.Leases.Lease;
import io.trunkline.worker.voice.ExistingTrunk;
import io.trunkline.worker.voice.ResilientCalls;
import io.trunkline.worker.voice.VoiceInfrastructure;
import io.trunkline.worker.voice.VoiceInfrastructureUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * A request's trunks on LiveKit, known by the {@link Marker} they carry. Creates are not
 * idempotent on LiveKit, so a trunk that may already exist is looked for, by number and
 * marker, before one is created: each of a request's two trunks is found or created,
 * never made twice.
 */
@Component
class MarkedTrunks {

	private static final Logger logger = LoggerFactory.getLogger(MarkedTrunks.class);

	private final VoiceInfrastructure voice;

	private final ResilientCalls resilient;

	private final TrunkMapping mapping;

	MarkedTrunks(VoiceInfrastructure voice, ResilientCalls resilient, ProvisioningSettings settings,
			OutboundProxyAddress proxy) {
		this.voice = voice;
		this.resilient = resilient;
		this.mapping = new TrunkMapping(settings.installation(), proxy.address());
	}

	/**
	 * @param request the claimed request
	 * @param lease its claim's lease: once lost, nothing more is called
	 * @param password the request's SIP password, decrypted
	 * @return the id of its inbound trunk, found or created
	 * @throws ClaimLost when another attempt took the request over
	 */
	String inbound(TrunkRequest request, Lease lease, String password) {
		return findOrCreate(request, lease, "inbound", this.voice::findInboundTrunks, request.trunk().phoneNumber(),
				() -> this.voice.createInboundTrunk(this.mapping.inbound(request, password)));
	}

	/**
	 * @param request the claimed request
	 * @param lease its claim's lease: once lost, nothing more is called
	 * @param password the request's SIP password, decrypted
	 * @return the id of its outbound trunk, found or created
	 * @throws ClaimLost when another attempt took the request over
	 */
	String outbound(TrunkRequest request, Lease lease, String password) {
		return findOrCreate(request, lease, "outbound", this.voice::findOutboundTrunks,
				TrunkMapping.callingNumber(request.trunk()),
				() -> this.voice.createOutboundTrunk(this.mapping.outbound(request, password)));
	}

	/**
	 * Looks once (no retries: clean-up that the reconciler finishes later) for every
	 * trunk that carries the request's marker, of both directions.
	 * @param request the request
	 * @param found where each one found is added as soon as it is, so that what one
	 * direction's lookup found is kept when the other's fails
	 */
	void lookFor(TrunkRequest request, Collection<String> found) {
		this.resilient.callOnce(() -> {
			found.addAll(ours(request, this.voice.findInboundTrunks(request.trunk().phoneNumber())));
			found.addAll(ours(request, this.voice.findOutboundTrunks(TrunkMapping.callingNumber(request.trunk()))));
		});
	}

	/**
	 * Finds or creates one trunk. The lookup runs before a create whenever a trunk of
	 * this request may already exist: after a create with an unknown outcome, or when an
	 * earlier claim of the request may have made it. When several carry the request's
	 * marker (earlier attempts each made one), one is reused and the others are left
	 * alone: an attempt that still runs may be about to commit one of them, and whatever
	 * no committed trunk owns in the end the failure path or the reconciler removes.
	 * Nothing more is called once another attempt has taken the request over.
	 */
	private String findOrCreate(TrunkRequest request, Lease lease, String direction,
			Function<String, List<ExistingTrunk>> find, String number, Supplier<String> create) {
		AtomicBoolean mayExist = new AtomicBoolean(request.triedBefore());
		return this.resilient.call(() -> {
			if (lease.isLost()) {
				throw new ClaimLost();
			}
			if (mayExist.get()) {
				List<String> ours = ours(request, find.apply(number));
				if (!ours.isEmpty()) {
					logger.info("Reusing {} trunk {} that an earlier attempt of request {} created", direction,
							ours.get(0), request.id());
					if (ours.size() > 1) {
						logger.info("Leaving the other {} trunks {} of request {} to the attempt that made them and "
								+ "the reconciler", direction, ours.subList(1, ours.size()), request.id());
					}
					return ours.get(0);
				}
			}
			try {
				return create.get();
			}
			catch (VoiceInfrastructureUnavailable ex) {
				if (ex.outcomeUnknown()) {
					mayExist.set(true);
				}
				logger.info("Creating the {} trunk of request {} failed, may retry: {}", direction, request.id(),
						ex.getMessage());
				throw ex;
			}
		});
	}

	private List<String> ours(TrunkRequest request, List<ExistingTrunk> trunks) {
		List<String> ours = new ArrayList<>();
		for (ExistingTrunk trunk : trunks) {
			if (this.mapping.requestMarkedBy(trunk.metadata()).filter(request.id()::equals).isPresent()) {
				ours.add(trunk.id());
			}
		}
		return ours;
	}

}
