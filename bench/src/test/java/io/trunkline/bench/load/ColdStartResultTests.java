package io.trunkline.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ColdStartResultTests {

	static final long LAUNCHED_AT = 1_000_000;

	@Test
	void timesReadinessAndTheFirstCreatedTrunkFromTheLaunch() {
		ColdStartResult cold = new ColdStartResult(LAUNCHED_AT, LAUNCHED_AT + 20_000,
				List.of(create(LAUNCHED_AT + 20_010, 25_000_000, 202), create(LAUNCHED_AT + 45_020, 3_500, 201)));

		assertThat(cold.launchToReadyMillis()).isEqualTo(20_000);
		assertThat(cold.launchToFirstCreatedMillis()).hasValue(45_023);
	}

	@Test
	void aWindowHasNearestRankPercentilesOfItsOwnCreatesOnly() {
		List<ColdStartResult.Create> creates = new ArrayList<>();
		creates.add(create(LAUNCHED_AT, 9_000_000, 201));
		for (int i = 1; i <= 200; i++) {
			// creates 100-199 take 1 to 100 ms
			creates.add(create(LAUNCHED_AT + i, (i >= 100 && i <= 199) ? (i - 99) * 1_000 : 50_000, 201));
		}
		ColdStartResult cold = new ColdStartResult(LAUNCHED_AT, LAUNCHED_AT, creates);

		ColdStartResult.Window steady = cold.window(100, 199);

		assertThat(steady.count()).isEqualTo(100);
		assertThat(steady.p50()).isEqualTo(50.0);
		assertThat(steady.p90()).isEqualTo(90.0);
		assertThat(steady.max()).isEqualTo(100.0);
		assertThat(cold.window(0, 0).max()).isEqualTo(9_000.0);
	}

	@Test
	void aWindowPastTheLastCreateIsEmptyAndOtherAnswersAreCountedByStatus() {
		ColdStartResult cold = new ColdStartResult(LAUNCHED_AT, LAUNCHED_AT, List.of(create(LAUNCHED_AT, 1_000, 201),
				create(LAUNCHED_AT, 30_000_000, 0), create(LAUNCHED_AT, 2_000, 422)));

		assertThat(cold.window(0, 99).others()).containsEntry(0, 1).containsEntry(422, 1).hasSize(2);
		assertThat(cold.window(200, 499).count()).isZero();
	}

	private static ColdStartResult.Create create(long sentAt, long micros, int status) {
		return new ColdStartResult.Create("b01" + sentAt, sentAt, micros, status);
	}

}
