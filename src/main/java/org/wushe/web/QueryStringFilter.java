package org.wushe.web;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import lombok.RequiredArgsConstructor;
import org.springframework.web.filter.OncePerRequestFilter;
import org.wushe.shared.BusinessException;
import org.wushe.shared.InvalidInputException;

/**
 * The first filter of every request. A query string whose {@code %} escapes do not decode (to UTF-8) is refused with
 * a 400 naming the parameter, before anything (the locale switch, the security filters, a controller) asks the
 * container for a parameter and fails. A direct request for the error page answers 404: that page is only for the
 * container's error dispatch, and without one it would report a 500.
 */
@RequiredArgsConstructor
class QueryStringFilter extends OncePerRequestFilter {

	/** How much of a parameter's name an answer repeats. */
	static final int NAME_SHOWN = 40;

	private final FilterAnswers answers;

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String malformed = malformedParameter(request.getQueryString());
		if (malformed != null) {
			answers.answer(new WithoutQuery(request), response,
					InvalidInputException.of(malformed, "error.query-escape-invalid"));
			return;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (request.getDispatcherType() == DispatcherType.REQUEST
				&& (path.equals("/error") || path.startsWith("/error/"))) {
			answers.answer(request, response, BusinessException.notFound("error.not-found"));
			return;
		}
		chain.doFilter(request, response);
	}

	/**
	 * The (raw, shortened) name of the first parameter of {@code query} whose name or value does not decode, or
	 * {@code null} when all of them do.
	 */
	static String malformedParameter(String query) {
		if (query == null || query.isEmpty()) {
			return null;
		}
		for (String pair : query.split("&")) {
			int eq = pair.indexOf('=');
			String name = eq < 0 ? pair : pair.substring(0, eq);
			if (!decodes(name) || (eq >= 0 && !decodes(pair.substring(eq + 1)))) {
				String shown = name.codePoints()
					.filter(c -> c > 0x20 && c != 0x7F)
					.limit(NAME_SHOWN)
					.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
					.toString();
				return shown.isEmpty() ? "?" : shown;
			}
		}
		return null;
	}

	/** Whether every {@code %} is followed by two hex digits and the bytes are UTF-8. */
	static boolean decodes(String raw) {
		if (raw.indexOf('%') < 0) {
			return true;
		}
		ByteBuffer bytes = ByteBuffer.allocate(raw.length() * 4);
		for (int i = 0; i < raw.length(); i++) {
			char c = raw.charAt(i);
			if (c == '%') {
				if (i + 2 >= raw.length() || Character.digit(raw.charAt(i + 1), 16) < 0
						|| Character.digit(raw.charAt(i + 2), 16) < 0) {
					return false;
				}
				bytes.put((byte) Integer.parseInt(raw, i + 1, i + 3, 16));
				i += 2;
			}
			else if (c < 0x80) {
				bytes.put((byte) c);
			}
		}
		bytes.flip();
		try {
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(bytes);
			return true;
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}

	/** The request as the error answer sees it: without the parameters that cannot be read. */
	private static final class WithoutQuery extends HttpServletRequestWrapper {

		WithoutQuery(HttpServletRequest request) {
			super(request);
		}

		@Override
		public String getQueryString() {
			return null;
		}

		@Override
		public String getParameter(String name) {
			return null;
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			return Map.of();
		}

		@Override
		public Enumeration<String> getParameterNames() {
			return Collections.emptyEnumeration();
		}

		@Override
		public String[] getParameterValues(String name) {
			return null;
		}

	}

}
