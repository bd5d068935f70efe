package io.trunkline.gateway;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.core.env.Environment;

/**
 * An HTTP/1.1 client on a plain socket that sends the request target byte for byte as
 * given: {@code java.net.http} and browsers normalise or re-encode some paths, and the
 * tests of path tricks must send exactly the trick.
 */
public final class RawHttp {

	private final int port;

	private RawHttp(int port) {
		this.port = port;
	}

	/**
	 * @param environment the running gateway's environment
	 * @return a client of that gateway
	 */
	public static RawHttp of(Environment environment) {
		return new RawHttp(Integer.parseInt(environment.getRequiredProperty("local.server.port")));
	}

	/**
	 * Sends one request on its own connection and reads the whole answer.
	 * @param method the method
	 * @param target the request target exactly as it goes on the wire
	 * @param body the JSON body, or {@code null} for none
	 * @param authorization the {@code Authorization} header, or {@code null} for none
	 * @return the answer
	 */
	public Answer send(String method, String target, String body, String authorization) {
		byte[] content = (body != null) ? body.getBytes(StandardCharsets.UTF_8) : new byte[0];
		StringBuilder head = new StringBuilder();
		head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
		head.append("Host: 127.0.0.1:").append(this.port).append("\r\n");
		head.append("Accept: application/json\r\n");
		head.append("Connection: close\r\n");
		if (authorization != null) {
			head.append("Authorization: ").append(authorization).append("\r\n");
		}
		if (body != null) {
			head.append("Content-Type: application/json\r\n");
			head.append("Content-Length: ").append(content.length).append("\r\n");
		}
		head.append("\r\n");
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
			out.write(content);
			out.flush();
			return Answer.parse(socket.getInputStream().readAllBytes());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * An answer as read off the wire.
	 *
	 * @param status the status code
	 * @param headers the headers, names in lower case
	 * @param body the body, de-chunked
	 */
	public record Answer(int status, Map<String, String> headers, String body) {

		static Answer parse(byte[] raw) throws IOException {
			String all = new String(raw, StandardCharsets.ISO_8859_1);
			int end = all.indexOf("\r\n\r\n");
			if (end < 0) {
				throw new IOException("No complete answer: " + all);
			}
			String[] lines = all.substring(0, end).split("\r\n");
			int status = Integer.parseInt(lines[0].split(" ")[1]);
			Map<String, String> headers = new LinkedHashMap<>();
			for (int i = 1; i < lines.length; i++) {
				int colon = lines[i].indexOf(':');
				headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
						lines[i].substring(colon + 1).trim());
			}
			byte[] body = Arrays.copyOfRange(raw, end + 4, raw.length);
			if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
				body = dechunk(new ByteArrayInputStream(body));
			}
			return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
		}

		private static byte[] dechunk(InputStream in) throws IOException {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			while (true) {
				String size = line(in);
				int semicolon = size.indexOf(';');
				int length = Integer.parseInt((semicolon >= 0) ? size.substring(0, semicolon) : size, 16);
				if (length == 0) {
					return out.toByteArray();
				}
				out.write(in.readNBytes(length));
				line(in);
			}
		}

		private static String line(InputStream in) throws IOException {
			StringBuilder line = new StringBuilder();
			for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
				if (b != '\r') {
					line.append((char) b);
				}
			}
			return line.toString().trim();
		}

		public String header(String name) {
			return this.headers.get(name.toLowerCase(Locale.ROOT));
		}

	}

}
