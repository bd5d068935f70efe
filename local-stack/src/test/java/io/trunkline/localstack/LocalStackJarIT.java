package io.trunkline.localstack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The README's run command, as a newcomer runs it:
 * {@code java -jar local-stack/target/local-stack.jar} comes up, prints its ready line,
 * creates a trunk with the documented body, and stops cleanly on SIGTERM.
 */
class LocalStackJarIT {

	@Test
	void startsServesACreateAndStopsCleanlyOnSigterm() throws Exception {
		int port = freePort();
		ProcessBuilder builder = new ProcessBuilder(javaCommand(), "-Xmx768m", "-jar",
				System.getProperty("localStackJar", "target/local-stack.jar"))
			.redirectErrorStream(true);
		builder.environment().put("SERVER_PORT", Integer.toString(port));
		builder.environment().put("TRUNKLINE_BOOTSTRAP_API_KEY", "tk_jar_test");
		builder.environment().remove("LIVEKIT_URL");
		Process process = builder.start();
		List<String> output = new CopyOnWriteArrayList<>();
		Thread reader = new Thread(() -> readAll(process, output));
		reader.start();
		try {
			await().atMost(120, TimeUnit.SECONDS)
				.until(() -> output.stream().anyMatch((line) -> line.startsWith("Trunkline is ready"))
						|| !process.isAlive());
			assertThat(output).anyMatch((line) -> line.matches("Trunkline is ready: API http://127\\.0\\.0\\.1:" + port
					+ "/api  API key tk_jar_test  \\(provisioning on the LiveKit stand-in at http://127\\.0\\.0\\.1:\\d+\\)"));

			HttpResponse<String> created = HttpClient.newHttpClient()
				.send(HttpRequest
					.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/user/phone-numbers/sip-trunks"))
					.header("Authorization", "Bearer tk_jar_test")
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers
						.ofString(DocumentedExamplesContractTests.extensionWithPasswordAuth("1000")))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
			assertThat(created.body()).contains("\"inbound_trunk_id\":\"ST_").contains("\"outbound_trunk_id\":\"ST_");
		}
		finally {
			// SIGTERM through the handle: Process.destroy() would also close the streams
			// and lose the last lines.
			process.toHandle().destroy();
		}

		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		reader.join(5000);
		assertThat(process.exitValue()).isZero();
		assertThat(output).anyMatch((line) -> line.contains("Trunkline stopped"));
		assertThat(output).noneMatch((line) -> line.contains(" ERROR "));
	}

	private static void readAll(Process process, List<String> output) {
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = lines.readLine()) != null) {
				output.add(line);
			}
		}
		catch (IOException ex) {
			output.add("(output closed: " + ex + ")");
		}
	}

	private static String javaCommand() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
