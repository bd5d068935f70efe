package io.trunkline.bench.load;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Create bodies that never repeat a phone number within a benchmark run, half of them a
 * PBX extension with digest authentication, half a UK DID with IP authentication.
 * <p>
 * LiveKit (and the stand-in) refuse two inbound trunks with the same number, and so does
 * the API (one live trunk per number in an installation), so every run of a benchmark
 * gets its own block: extensions are {@code b<block><base-36 counter>}, DIDs
 * {@code +44 20 7<block><5 digits>} (every {@code +44 20 7xxx xxxx} is a valid London
 * number).
 */
final class DistinctTrunks {

	static final int MAX_BLOCK = 99;

	static final int DIDS_PER_BLOCK = 100_000;

	private final int block;

	private final AtomicLong sequence = new AtomicLong();

	DistinctTrunks(int block) {
		if (block < 0 || block > MAX_BLOCK) {
			throw new IllegalArgumentException("The block must be between 0 and " + MAX_BLOCK + ": " + block);
		}
		this.block = block;
	}

	/**
	 * @return the next trunk: an extension for even positions, a DID for odd ones
	 */
	Trunk next() {
		long position = this.sequence.getAndIncrement();
		long index = position / 2;
		return (position % 2 == 0) ? extension(index) : did(index);
	}

	private Trunk extension(long index) {
		String number = "b%02d%s".formatted(this.block, Long.toString(index, 36));
		return new Trunk(number, """
				{"sip_trunk_type":"extension","phone_number":"%s","sip_username":"myuser","sip_password":"s3cret-pass",\
				"sip_address":"sip.provider.com","sip_calling_format":"+e164","inbound_authorization_type":"auth",\
				"country_code":"US"}""".formatted(number));
	}

	private Trunk did(long index) {
		if (index >= DIDS_PER_BLOCK) {
			throw new IllegalStateException("Run out of distinct DIDs in block " + this.block);
		}
		String number = "+44207%07d".formatted(this.block * DIDS_PER_BLOCK + index);
		return new Trunk(number,
				"""
						{"sip_trunk_type":"number","phone_number":"%s","sip_username":"trunk_user","sip_password":"s3cret-pass",\
						"sip_address":"sip.provider.com","sip_calling_format":"e164","inbound_authorization_type":"ip",\
						"allowed_inbound_ips":["203.0.113.10"],"country_code":"GB"}"""
					.formatted(number));
	}

	/**
	 * One create request.
	 *
	 * @param number its phone number, unique within the benchmark
	 * @param body the JSON body
	 */
	record Trunk(String number, String body) {
	}

}
