package io.trunkline.bench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the stack's CPU goes during one step, from its flight recording (JFR, default
 * settings): CPU by thread group ({@code jdk.ThreadCPULoad}), the JVM's and the machine's
 * load ({@code jdk.CPULoad}), garbage-collection pauses, and the execution samples
 * ({@code jdk.ExecutionSample}) by leaf method and by library anywhere on the stack.
 *
 * @param cores the machine's cores
 * @param jvmLoad the JVM's mean share of the machine
 * @param machineLoad the machine's mean load, every process included
 * @param threadGroups mean share of the machine by thread group, largest first
 * @param gcPauses stop-the-world pauses in the window
 * @param gcCount collections in the window
 * @param samples execution samples in the window
 * @param topMethods samples by leaf method, largest first
 * @param libraries samples with a frame of the library anywhere on the stack
 * @param sampleGroups samples by thread group
 * @param allocationMbPerSecond allocation rate by thread group, estimated from the
 * weights of {@code jdk.ObjectAllocationSample}
 */
record CpuProfile(int cores, double jvmLoad, double machineLoad, Map<String, Double> threadGroups, Duration gcPauses,
		int gcCount, int samples, Map<String, Integer> topMethods, Map<String, Integer> libraries,
		Map<String, Integer> sampleGroups, Map<String, Double> allocationMbPerSecond) {

	/** Class-name prefixes of the libraries worth naming, in the order shown. */
	private static final Map<String, String> LIBRARIES = knownLibraries();

	static CpuProfile of(Path recording, Instant from, Instant to, int cores) {
		Map<Long, double[]> threadLoad = new HashMap<>();
		Map<Long, String> threadNames = new HashMap<>();
		double jvm = 0;
		double machine = 0;
		int cpuEvents = 0;
		Duration pauses = Duration.ZERO;
		int collections = 0;
		int samples = 0;
		Map<String, Integer> methods = new HashMap<>();
		Map<String, Integer> libraries = new HashMap<>();
		Map<String, Integer> sampleGroups = new HashMap<>();
		Map<String, Double> allocated = new HashMap<>();
		try (RecordingFile file = new RecordingFile(recording)) {
			while (file.hasMoreEvents()) {
				RecordedEvent event = file.readEvent();
				Instant at = event.getEndTime();
				if (at.isBefore(from) || at.isAfter(to)) {
					continue;
				}
				switch (event.getEventType().getName()) {
					case "jdk.ThreadCPULoad" -> {
						RecordedThread thread = event.getThread();
						if (thread != null) {
							double[] load = threadLoad.computeIfAbsent(thread.getJavaThreadId(), (id) -> new double[2]);
							load[0] += event.getFloat("user") + event.getFloat("system");
							load[1]++;
							threadNames.put(thread.getJavaThreadId(), name(thread));
						}
					}
					case "jdk.CPULoad" -> {
						jvm += event.getFloat("jvmUser") + event.getFloat("jvmSystem");
						machine += event.getFloat("machineTotal");
						cpuEvents++;
					}
					case "jdk.GarbageCollection" -> {
						pauses = pauses.plus(event.getDuration("sumOfPauses"));
						collections++;
					}
					case "jdk.ObjectAllocationSample" -> allocated.merge(ThreadGroups.of(name(event.getThread())),
							(double) event.getLong("weight"), Double::sum);
					case "jdk.ExecutionSample" -> {
						samples++;
						sampleGroups.merge(ThreadGroups.of(name(event.getThread("sampledThread"))), 1, Integer::sum);
						sample(event.getStackTrace(), methods, libraries);
					}
					default -> {
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Map<String, Double> groups = new HashMap<>();
		threadLoad
			.forEach((id, load) -> groups.merge(ThreadGroups.of(threadNames.get(id)), load[0] / load[1], Double::sum));
		double seconds = Math.max(0.001, Duration.between(from, to).toMillis() / 1000.0);
		Map<String, Double> allocation = new HashMap<>();
		allocated.forEach((group, bytes) -> allocation.put(group, bytes / seconds / (1024 * 1024)));
		return new CpuProfile(cores, (cpuEvents > 0) ? jvm / cpuEvents : 0, (cpuEvents > 0) ? machine / cpuEvents : 0,
				sortedByValue(groups), pauses, collections, samples, top(methods, 15), ordered(libraries),
				top(sampleGroups, 20), allocation);
	}

	private static void sample(RecordedStackTrace stack, Map<String, Integer> methods, Map<String, Integer> libraries) {
		if (stack == null || stack.getFrames().isEmpty()) {
			return;
		}
		List<RecordedFrame> frames = stack.getFrames();
		RecordedFrame leaf = frames.get(0);
		methods.merge(leaf.getMethod().getType().getName() + "." + leaf.getMethod().getName(), 1, Integer::sum);
		Set<String> seen = new HashSet<>();
		for (RecordedFrame frame : frames) {
			String type = frame.getMethod().getType().getName();
			for (Map.Entry<String, String> library : LIBRARIES.entrySet()) {
				if (type.startsWith(library.getKey())) {
					seen.add(library.getValue());
				}
			}
		}
		seen.forEach((library) -> libraries.merge(library, 1, Integer::sum));
	}

	private static String name(RecordedThread thread) {
		if (thread == null) {
			return "?";
		}
		return (thread.getJavaName() != null) ? thread.getJavaName() : String.valueOf(thread.getOSName());
	}

	private static <V extends Comparable<V>> Map<String, V> sortedByValue(Map<String, V> values) {
		Map<String, V> sorted = new LinkedHashMap<>();
		values.entrySet()
			.stream()
			.sorted(Map.Entry.<String, V>comparingByValue().reversed())
			.forEach((entry) -> sorted.put(entry.getKey(), entry.getValue()));
		return sorted;
	}

	private static Map<String, Integer> top(Map<String, Integer> values, int limit) {
		Map<String, Integer> top = new LinkedHashMap<>();
		values.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
			.limit(limit)
			.forEach((entry) -> top.put(entry.getKey(), entry.getValue()));
		return top;
	}

	private static Map<String, Integer> ordered(Map<String, Integer> libraries) {
		Map<String, Integer> ordered = new LinkedHashMap<>();
		LIBRARIES.values()
			.stream()
			.distinct()
			.filter(libraries::containsKey)
			.sorted(Comparator.comparing(libraries::get).reversed())
			.forEach((library) -> ordered.put(library, libraries.get(library)));
		return ordered;
	}

	private static Map<String, String> knownLibraries() {
		Map<String, String> libraries = new LinkedHashMap<>();
		libraries.put("ch.qos.logback.", "logging (Logback)");
		libraries.put("org.slf4j.", "logging (Logback)");
		libraries.put("com.fasterxml.jackson.", "JSON (Jackson)");
		libraries.put("tools.jackson.", "JSON (Jackson)");
		libraries.put("org.postgresql.", "JDBC (PostgreSQL driver, Hikari)");
		libraries.put("com.zaxxer.hikari.", "JDBC (PostgreSQL driver, Hikari)");
		libraries.put("org.springframework.jdbc.", "Spring JDBC and transactions");
		libraries.put("org.springframework.transaction.", "Spring JDBC and transactions");
		libraries.put("org.apache.kafka.clients.", "Kafka clients");
		libraries.put("org.springframework.kafka.", "Kafka clients");
		libraries.put("kafka.", "Kafka broker");
		libraries.put("org.apache.kafka.server.", "Kafka broker");
		libraries.put("org.apache.kafka.storage.", "Kafka broker");
		libraries.put("org.apache.kafka.raft.", "Kafka broker");
		libraries.put("org.apache.kafka.coordinator.", "Kafka broker");
		libraries.put("org.apache.kafka.controller.", "Kafka broker");
		libraries.put("org.apache.kafka.common.network.", "Kafka network layer (clients and broker)");
		libraries.put("org.apache.catalina.", "Tomcat");
		libraries.put("org.apache.coyote.", "Tomcat");
		libraries.put("org.apache.tomcat.", "Tomcat");
		libraries.put("org.springframework.web.", "Spring MVC");
		libraries.put("javax.crypto.", "cryptography (AES-GCM, SHA-256, HMAC)");
		libraries.put("com.sun.crypto.", "cryptography (AES-GCM, SHA-256, HMAC)");
		libraries.put("sun.security.", "cryptography (AES-GCM, SHA-256, HMAC)");
		libraries.put("com.auth0.jwt.", "JWT (stand-in's token check)");
		libraries.put("io.jsonwebtoken.", "JWT (LiveKit token)");
		libraries.put("com.google.protobuf.", "protobuf");
		libraries.put("com.google.i18n.phonenumbers.", "libphonenumber");
		libraries.put("io.github.resilience4j.", "Resilience4j");
		libraries.put("io.micrometer.", "Micrometer");
		libraries.put("jdk.internal.net.http.", "JDK HttpClient (worker → LiveKit)");
		libraries.put("sun.net.httpserver.", "JDK HttpServer (stand-in)");
		libraries.put("io.trunkline.livekit.standin.", "LiveKit stand-in");
		libraries.put("io.trunkline.gateway.", "Trunkline gateway code");
		libraries.put("io.trunkline.worker.", "Trunkline worker code");
		return libraries;
	}

}
