package io.trunkline.bench.machine;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How much CPU this machine gives right now: a fixed integer workload (xorshift rounds)
 * run for a few seconds on one thread, then on as many threads as there are cores.
 * Virtual machines of the same kind differ (a busy host shares its cores), and every
 * figure of a benchmark scales with this, so bench/run records it before and after a run.
 * Prints {@code <prefix>_one} and {@code <prefix>_all} in millions of rounds per second,
 * and {@code <prefix>_memory_ns}, the cost of a cache miss, as properties.
 */
public final class Calibration {

	private static final long WARM_UP_MILLIS = 1000;

	private static final long MEASURE_MILLIS = 3000;

	private Calibration() {
	}

	public static void main(String[] args) throws InterruptedException {
		String prefix = (args.length > 0) ? args[0] : "calibration";
		int cores = Runtime.getRuntime().availableProcessors();
		rounds(1, WARM_UP_MILLIS);
		System.out.printf("%s_one=%.1f%n", prefix, rounds(1, MEASURE_MILLIS));
		System.out.printf("%s_all=%.1f%n", prefix, rounds(cores, MEASURE_MILLIS));
		System.out.printf("%s_memory_ns=%.0f%n", prefix, memoryLatencyNanos());
	}

	/**
	 * Dependent random reads over 256 MB, far beyond any cache: what a cache miss costs,
	 * which the integer rounds do not show (a host whose other tenants thrash the shared
	 * caches slows code that walks objects far more than it slows arithmetic).
	 * @return nanoseconds per read
	 */
	static double memoryLatencyNanos() {
		int size = 1 << 25;
		int[] next = new int[size];
		for (int i = 0; i < size; i++) {
			next[i] = i;
		}
		// Sattolo's shuffle: one cycle through every slot, so each read depends on the
		// last.
		SplittableRandom random = new SplittableRandom(42);
		for (int i = size - 1; i > 0; i--) {
			int j = random.nextInt(i);
			int swap = next[i];
			next[i] = next[j];
			next[j] = swap;
		}
		int at = 0;
		int reads = 20_000_000;
		for (int i = 0; i < 1_000_000; i++) {
			at = next[at];
		}
		long started = System.nanoTime();
		for (int i = 0; i < reads; i++) {
			at = next[at];
		}
		long elapsed = System.nanoTime() - started;
		if (at == -1) {
			System.out.println("unreachable");
		}
		return (double) elapsed / reads;
	}

	/**
	 * @return millions of rounds per second, all threads together
	 */
	static double rounds(int threads, long millis) throws InterruptedException {
		AtomicBoolean stop = new AtomicBoolean();
		long[] counts = new long[threads];
		List<Thread> workers = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			int slot = t;
			Thread worker = new Thread(() -> {
				long x = 88172645463325252L + slot;
				long count = 0;
				while (!stop.get()) {
					for (int i = 0; i < 100_000; i++) {
						x ^= x << 13;
						x ^= x >>> 7;
						x ^= x << 17;
					}
					count += 100_000;
				}
				// Keeps the loop from being optimised away.
				counts[slot] = count + (x & 1);
			});
			workers.add(worker);
		}
		long started = System.nanoTime();
		workers.forEach(Thread::start);
		Thread.sleep(millis);
		stop.set(true);
		for (Thread worker : workers) {
			worker.join();
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		long total = 0;
		for (long count : counts) {
			total += count;
		}
		return total / seconds / 1e6;
	}

}
