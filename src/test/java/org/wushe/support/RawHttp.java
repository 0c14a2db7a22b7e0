package org.wushe.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 written by hand, for requests that client libraries refuse to send: malformed escapes, forged Host
 * headers. Answers are read until the server closes the connection.
 */
public final class RawHttp {

	private RawHttp() {
	}

	/** A GET of {@code target} (sent as is) with {@code headers} ("Name: value" lines). */
	public static Answer get(int port, String target, String... headers) throws IOException {
		StringBuilder request = new StringBuilder("GET ").append(target).append(" HTTP/1.1\r\n");
		boolean host = false;
		for (String h : headers) {
			request.append(h).append("\r\n");
			host |= h.toLowerCase(Locale.ROOT).startsWith("host:");
		}
		if (!host) {
			request.append("Host: localhost:").append(port).append("\r\n");
		}
		request.append("Connection: close\r\n\r\n");
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.toString().getBytes(StandardCharsets.UTF_8));
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream all = new ByteArrayOutputStream();
			in.transferTo(all);
			return Answer.parse(all.toString(StandardCharsets.UTF_8));
		}
	}

	/** Status, headers (lower-case names, last value wins) and body (chunked bodies keep their chunk sizes). */
	public record Answer(int status, Map<String, String> headers, String body) {

		static Answer parse(String text) {
			int end = text.indexOf("\r\n\r\n");
			String head = end < 0 ? text : text.substring(0, end);
			String[] lines = head.split("\r\n");
			int status = Integer.parseInt(lines[0].split(" ")[1]);
			Map<String, String> headers = new LinkedHashMap<>();
			for (int i = 1; i < lines.length; i++) {
				int colon = lines[i].indexOf(':');
				if (colon > 0) {
					headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
							lines[i].substring(colon + 1).strip());
				}
			}
			return new Answer(status, headers, end < 0 ? "" : text.substring(end + 4));
		}

		public String header(String name) {
			return headers.get(name.toLowerCase(Locale.ROOT));
		}

	}

}
