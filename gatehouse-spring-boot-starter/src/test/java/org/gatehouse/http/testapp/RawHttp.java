package org.gatehouse.http.testapp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * HTTP/1.1 over a plain socket, because java.net.http refuses to send a chosen Host header.
 * Sends the request text as given (add "Connection: close") and reads to end of stream.
 */
public final class RawHttp {

	private RawHttp() {
	}

	public static Response send(int port, String head, byte[] body) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(head.replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1));
			out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
			out.write(body);
			out.flush();
			return Response.parse(readAll(socket.getInputStream()));
		}
	}

	public static Response get(int port, String path, String... headers) throws IOException {
		return send(port, "GET " + path + " HTTP/1.1\n" + String.join("\n", headers) + (headers.length > 0 ? "\n" : "")
				+ "Connection: close\n", new byte[0]);
	}

	private static byte[] readAll(InputStream in) throws IOException {
		ByteArrayOutputStream all = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		try {
			for (int read; (read = in.read(buffer)) > 0;) {
				all.write(buffer, 0, read);
			}
		}
		catch (SocketException resetAfterResponse) {
			// the server may reset after answering without reading the whole body
		}
		return all.toByteArray();
	}

	public record Response(int status, List<String[]> headers, String body) {

		static Response parse(byte[] raw) {
			String text = new String(raw, StandardCharsets.ISO_8859_1);
			int headEnd = text.indexOf("\r\n\r\n");
			String[] lines = text.substring(0, headEnd).split("\r\n");
			int status = Integer.parseInt(lines[0].split(" ")[1]);
			List<String[]> headers = new ArrayList<>();
			for (int i = 1; i < lines.length; i++) {
				int colon = lines[i].indexOf(':');
				headers.add(new String[] { lines[i].substring(0, colon).strip(), lines[i].substring(colon + 1).strip() });
			}
			String body = text.substring(headEnd + 4);
			Response response = new Response(status, headers, body);
			if ("chunked".equalsIgnoreCase(response.header("Transfer-Encoding"))) {
				response = new Response(status, headers, dechunk(body));
			}
			return new Response(status, headers,
					new String(response.body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
		}

		private static String dechunk(String body) {
			StringBuilder out = new StringBuilder();
			int position = 0;
			while (true) {
				int lineEnd = body.indexOf("\r\n", position);
				int size = Integer.parseInt(body.substring(position, lineEnd).split(";")[0].strip(), 16);
				if (size == 0) {
					return out.toString();
				}
				out.append(body, lineEnd + 2, lineEnd + 2 + size);
				position = lineEnd + 2 + size + 2;
			}
		}

		/** The value of the only header named {@code name}, or null. */
		public String header(String name) {
			List<String> values = headers(name);
			if (values.size() > 1) {
				throw new AssertionError("More than one " + name + " header: " + values);
			}
			return values.isEmpty() ? null : values.get(0);
		}

		public List<String> headers(String name) {
			List<String> values = new ArrayList<>();
			for (String[] header : headers) {
				if (header[0].toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
					values.add(header[1]);
				}
			}
			return values;
		}
	}
}
