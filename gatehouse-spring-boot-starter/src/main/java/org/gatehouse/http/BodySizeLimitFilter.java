package org.gatehouse.http;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;


import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 413 to request bodies above {@code gatehouse.http.max-body-bytes}: at once when the
 * Content-Length says so, and for bodies of unknown length (chunked, HTTP/2) by reading at most the
 * limit plus one byte before the application sees the request, then replaying what was read.
 * Chunked url-encoded form posts are left to Tomcat, which parses their parameters from the
 * connection rather than from this stream and answers 413 itself above its max post size, set
 * to the same limit by {@link TomcatBodySizeLimit}. Chunked multipart bodies are limited only
 * by {@code spring.servlet.multipart.max-request-size}.
 */
class BodySizeLimitFilter extends OncePerRequestFilter {

	private final long maxBodyBytes;
	private final RequestMessages messages;

	public BodySizeLimitFilter(HttpProperties properties, RequestMessages messages) {
		this.maxBodyBytes = properties.getMaxBodyBytes();
		this.messages = messages;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long declared = request.getContentLengthLong();
		if (declared > maxBodyBytes) {
			reject(request, response);
			return;
		}
		if (declared >= 0 || !mayHaveUndeclaredBody(request) || isForm(request)) {
			chain.doFilter(request, response);
			return;
		}
		byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
		if (body.length > maxBodyBytes) {
			reject(request, response);
			return;
		}
		chain.doFilter(new BufferedBodyRequest(request, body), response);
	}

	private void reject(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (!request.getProtocol().startsWith("HTTP/2")) {
			// the rest of the body is not read, so the connection cannot be reused
			response.setHeader("Connection", "close");
		}
		String detail = messages.get(request, "problem.body-too-large", String.valueOf(maxBodyBytes));
		if (ApiRequests.isApi(request)) {
			ProblemResponses.write(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "Payload Too Large", detail);
		}
		else {
			ProblemResponses.plainText(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "Payload Too Large: " + detail);
		}
	}

	/** HTTP/1.1 bodies without Content-Length are chunked; HTTP/2 frames bodies without either header. */
	private static boolean mayHaveUndeclaredBody(HttpServletRequest request) {
		return request.getHeader("Transfer-Encoding") != null || request.getProtocol().startsWith("HTTP/2");
	}

	private static boolean isForm(HttpServletRequest request) {
		String contentType = request.getContentType();
		if (contentType == null) {
			return false;
		}
		String mediaType = contentType.toLowerCase(Locale.ROOT);
		return mediaType.startsWith("application/x-www-form-urlencoded") || mediaType.startsWith("multipart/form-data");
	}

	private static final class BufferedBodyRequest extends HttpServletRequestWrapper {

		private final byte[] body;

		BufferedBodyRequest(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			return new ReplayedInputStream(new ByteArrayInputStream(body));
		}

		@Override
		public BufferedReader getReader() throws IOException {
			String encoding = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
			return new BufferedReader(new InputStreamReader(getInputStream(), encoding));
		}

		@Override
		public int getContentLength() {
			return body.length;
		}

		@Override
		public long getContentLengthLong() {
			return body.length;
		}
	}

	private static final class ReplayedInputStream extends ServletInputStream {

		private final ByteArrayInputStream body;

		ReplayedInputStream(ByteArrayInputStream body) {
			this.body = body;
		}

		@Override
		public int read() throws IOException {
			return body.read();
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			return body.read(buffer, offset, length);
		}

		@Override
		public boolean isFinished() {
			return body.available() == 0;
		}

		@Override
		public boolean isReady() {
			return true;
		}

		@Override
		public void setReadListener(ReadListener listener) {
			throw new UnsupportedOperationException("Non-blocking reads of a buffered body are not supported");
		}
	}
}
