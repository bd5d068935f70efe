package io.trunkline.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import io.livekit.server.AccessToken;
import io.livekit.server.SIPAdmin;
import livekit.LivekitSip.CreateSIPInboundTrunkRequest;
import livekit.LivekitSip.SIPInboundTrunkInfo;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an end-to-end test does to the running stack: HTTP calls as an API user makes
 * them, Twirp calls as another LiveKit client would, and reads of every Kafka record.
 */
final class StackClient {

	static final String TRUNKS = "/api/user/phone-numbers/sip-trunks";

	static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	private final LocalStack stack;

	private final String apiKey;

	StackClient(LocalStack stack, String apiKey) {
		this.stack = stack;
		this.apiKey = apiKey;
	}

	Answer postTo(String baseUrl, String body, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + TRUNKS))
			.header("Authorization", "Bearer " + this.apiKey)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return send(request.build());
	}

	Answer post(String body, String... headers) {
		return postTo(this.stack.baseUrl(), body, headers);
	}

	Answer get(String path) {
		return send(HttpRequest.newBuilder(URI.create(this.stack.baseUrl() + path))
			.header("Authorization", "Bearer " + this.apiKey)
			.GET()
			.build());
	}

	Answer admin(String method, String path, String adminToken) {
		return send(HttpRequest.newBuilder(URI.create(this.stack.baseUrl() + path))
			.header("Authorization", "Bearer " + adminToken)
			.method(method, HttpRequest.BodyPublishers.noBody())
			.build());
	}

	String getPlain(String url) {
		return send(HttpRequest.newBuilder(URI.create(url)).GET().build()).body();
	}

	private Answer send(HttpRequest request) {
		try {
			return new Answer(this.http.send(request, HttpResponse.BodyHandlers.ofString()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Creates an inbound trunk directly on LiveKit, as a worker does, with the given
	 * metadata.
	 */
	String createInboundTrunkOnLiveKit(String number, String metadata) {
		AccessToken token = new AccessToken("trunkline-local", this.stack.liveKitSecretForTests());
		token.addSIPGrants(new SIPAdmin(true));
		SIPInboundTrunkInfo trunk = SIPInboundTrunkInfo.newBuilder()
			.setName("left by a crashed worker")
			.setMetadata(metadata)
			.addNumbers(number)
			.setAuthUsername("myuser")
			.setAuthPassword("crash-pass")
			.build();
		HttpRequest request = HttpRequest
			.newBuilder(URI.create(this.stack.liveKitUrl() + "/twirp/livekit.SIP/CreateSIPInboundTrunk"))
			.header("Authorization", "Bearer " + token.toJwt())
			.header("Content-Type", "application/protobuf")
			.POST(HttpRequest.BodyPublishers
				.ofByteArray(CreateSIPInboundTrunkRequest.newBuilder().setTrunk(trunk).build().toByteArray()))
			.build();
		try {
			HttpResponse<byte[]> response = this.http.send(request, HttpResponse.BodyHandlers.ofByteArray());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("LiveKit answered " + response.statusCode());
			}
			return SIPInboundTrunkInfo.parseFrom(response.body()).getSipTrunkId();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * @return every record of every topic, from the beginning
	 */
	List<ConsumerRecord<String, String>> allKafkaRecords() {
		Properties config = new Properties();
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.stack.kafka().bootstrapServers());
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		List<ConsumerRecord<String, String>> records = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new StringDeserializer())) {
			List<TopicPartition> partitions = new ArrayList<>();
			for (Map.Entry<String, List<PartitionInfo>> topic : consumer.listTopics().entrySet()) {
				if (!topic.getKey().startsWith("__")) {
					topic.getValue().forEach((p) -> partitions.add(new TopicPartition(p.topic(), p.partition())));
				}
			}
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
			long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
			while (partitions.stream().anyMatch((p) -> consumer.position(p) < ends.get(p))
					&& System.nanoTime() < deadline) {
				consumer.poll(Duration.ofMillis(200)).forEach(records::add);
			}
		}
		return records;
	}

	/**
	 * @return how many outcomes were published for a request
	 */
	long outcomesOf(UUID requestId) {
		return allKafkaRecords().stream()
			.filter((r) -> r.topic().equals("trunkline.provisioning.outcomes"))
			.filter((r) -> requestId.toString().equals(r.key()))
			.count();
	}

	/**
	 * A response with its body parsed when it is JSON.
	 */
	record Answer(HttpResponse<String> response) {

		int status() {
			return this.response.statusCode();
		}

		String body() {
			return this.response.body();
		}

		JsonNode json() {
			return json.readTree(this.response.body());
		}

		String header(String name) {
			return this.response.headers().firstValue(name).orElse(null);
		}

	}

}
