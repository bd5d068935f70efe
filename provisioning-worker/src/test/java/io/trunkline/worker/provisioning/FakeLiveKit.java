package io.trunkline.worker.provisioning;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.trunkline.worker.voice.ExistingTrunk;
import io.trunkline.worker.voice.ExistingTrunk.Direction;
import io.trunkline.worker.voice.InboundTrunk;
import io.trunkline.worker.voice.OutboundTrunk;
import io.trunkline.worker.voice.VoiceInfrastructure;
import io.trunkline.worker.voice.VoiceInfrastructureRejected;
import io.trunkline.worker.voice.VoiceInfrastructureUnavailable;

/**
 * LiveKit's SIP trunks in memory, for tests of provisioning: creates that are held back
 * until a test lets them go (a slow LiveKit, without timing), refused, or performed with
 * their response lost, one at a time. Thread-safe.
 */
final class FakeLiveKit implements VoiceInfrastructure {

	/**
	 * Trunk ids are unique across the fakes of a JVM, as LiveKit's are across a project:
	 * the tests share one database.
	 */
	private static final AtomicInteger ids = new AtomicInteger();

	private static final Object LOST_RESPONSE = new Object();

	private final Map<Direction, Deque<Object>> next = new EnumMap<>(Direction.class);

	private final Map<Direction, AtomicInteger> creates = new EnumMap<>(Direction.class);

	private final Map<String, ExistingTrunk> trunks = new LinkedHashMap<>();

	FakeLiveKit() {
		for (Direction direction : Direction.values()) {
			this.next.put(direction, new ArrayDeque<>());
			this.creates.put(direction, new AtomicInteger());
		}
	}

	/**
	 * Holds the next create of a direction back until the test releases it; it is
	 * performed then.
	 * @param direction inbound or outbound
	 * @return the held create
	 */
	synchronized HeldCreate holdNextCreate(Direction direction) {
		HeldCreate held = new HeldCreate();
		this.next.get(direction).add(held);
		return held;
	}

	/**
	 * Refuses the next create of a direction, as LiveKit refuses an invalid argument.
	 * @param direction inbound or outbound
	 * @param message LiveKit's message
	 */
	synchronized void refuseNextCreate(Direction direction, String message) {
		this.next.get(direction).add(new VoiceInfrastructureRejected("invalid_argument", message));
	}

	/**
	 * Performs the next create of a direction but loses its response, as a timeout or a
	 * dropped connection does: the trunk exists, and the caller cannot know it.
	 * @param direction inbound or outbound
	 */
	synchronized void loseNextCreateResponse(Direction direction) {
		this.next.get(direction).add(LOST_RESPONSE);
	}

	/**
	 * Stores a trunk as another attempt would have made it.
	 * @return its id
	 */
	synchronized String existing(Direction direction, String metadata, String number) {
		String id = "ST_" + direction.name().toLowerCase() + "_" + ids.incrementAndGet();
		this.trunks.put(id, new ExistingTrunk(id, direction, metadata, List.of(number)));
		return id;
	}

	synchronized List<String> trunkIds() {
		return List.copyOf(this.trunks.keySet());
	}

	synchronized List<String> trunkIds(Direction direction) {
		return this.trunks.values().stream().filter((t) -> t.direction() == direction).map(ExistingTrunk::id).toList();
	}

	int creates(Direction direction) {
		return this.creates.get(direction).get();
	}

	@Override
	public String createInboundTrunk(InboundTrunk trunk) {
		return create(Direction.INBOUND, trunk.metadata(), trunk.numbers());
	}

	@Override
	public String createOutboundTrunk(OutboundTrunk trunk) {
		return create(Direction.OUTBOUND, trunk.metadata(), trunk.numbers());
	}

	private String create(Direction direction, String metadata, List<String> numbers) {
		this.creates.get(direction).incrementAndGet();
		Object behaviour;
		synchronized (this) {
			behaviour = this.next.get(direction).poll();
		}
		if (behaviour instanceof VoiceInfrastructureRejected refused) {
			throw refused;
		}
		if (behaviour instanceof HeldCreate held) {
			held.hold();
		}
		String id;
		synchronized (this) {
			id = "ST_" + direction.name().toLowerCase() + "_" + ids.incrementAndGet();
			this.trunks.put(id, new ExistingTrunk(id, direction, metadata, numbers));
		}
		if (behaviour == LOST_RESPONSE) {
			throw new VoiceInfrastructureUnavailable("The response to the create was lost", true);
		}
		return id;
	}

	@Override
	public List<ExistingTrunk> findInboundTrunks(String number) {
		return find(Direction.INBOUND, number);
	}

	@Override
	public List<ExistingTrunk> findOutboundTrunks(String number) {
		return find(Direction.OUTBOUND, number);
	}

	private synchronized List<ExistingTrunk> find(Direction direction, String number) {
		return this.trunks.values()
			.stream()
			.filter((t) -> t.direction() == direction && t.numbers().contains(number))
			.toList();
	}

	@Override
	public synchronized List<ExistingTrunk> listTrunks() {
		return new ArrayList<>(this.trunks.values());
	}

	@Override
	public synchronized void deleteTrunk(String trunkId) {
		this.trunks.remove(trunkId);
	}

	/**
	 * A create held back: it has arrived once {@link #arrived()}, and is performed once
	 * {@link #release() released}.
	 */
	static final class HeldCreate {

		private final CountDownLatch arrived = new CountDownLatch(1);

		private final CountDownLatch released = new CountDownLatch(1);

		boolean arrived() {
			return this.arrived.getCount() == 0;
		}

		void release() {
			this.released.countDown();
		}

		private void hold() {
			this.arrived.countDown();
			try {
				if (!this.released.await(1, TimeUnit.MINUTES)) {
					throw new IllegalStateException("A held create was never released");
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

	}

}
