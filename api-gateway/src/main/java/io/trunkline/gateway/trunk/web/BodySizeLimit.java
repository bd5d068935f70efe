package io.trunkline.gateway.trunk.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over {@value #LIMIT_BYTES} bytes with {@code 413}: a create body
 * is well under 10 KB even with a hundred allowed addresses. A declared
 * {@code Content-Length} over the limit is refused before reading; a chunked body is
 * counted as it is read and refused when it passes the limit. It applies to every
 * request, whatever its path.
 */
@Component
class BodySizeLimit extends OncePerRequestFilter {

	static final int LIMIT_BYTES = 64 * 1024;

	/**
	 * The 413's message, the one text of it: this filter and {@link ApiErrors} answer
	 * with it.
	 */
	static final String TOO_LARGE_MESSAGE = "The request body may not be greater than 64 KB.";

	static final String TOO_LARGE = "{\"message\":\"" + TOO_LARGE_MESSAGE + "\"}";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > LIMIT_BYTES) {
			refuse(response);
			return;
		}
		chain.doFilter(new Limited(request), response);
	}

	static void refuse(HttpServletResponse response) throws IOException {
		response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setHeader("Connection", "close");
		response.getWriter().write(TOO_LARGE);
	}

	/**
	 * The body grew past the limit while it was read.
	 */
	static class BodyTooLarge extends IOException {

		BodyTooLarge() {
			super("The request body is over " + LIMIT_BYTES + " bytes");
		}

	}

	private static final class Limited extends HttpServletRequestWrapper {

		private ServletInputStream stream;

		Limited(HttpServletRequest request) {
			super(request);
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.stream == null) {
				this.stream = new Counting(super.getInputStream());
			}
			return this.stream;
		}

	}

	private static final class Counting extends ServletInputStream {

		private final ServletInputStream delegate;

		private long read;

		Counting(ServletInputStream delegate) {
			this.delegate = delegate;
		}

		@Override
		public int read() throws IOException {
			int b = this.delegate.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = this.delegate.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) throws BodyTooLarge {
			this.read += n;
			if (this.read > LIMIT_BYTES) {
				throw new BodyTooLarge();
			}
		}

		@Override
		public boolean isFinished() {
			return this.delegate.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.delegate.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.delegate.setReadListener(listener);
		}

	}

}
