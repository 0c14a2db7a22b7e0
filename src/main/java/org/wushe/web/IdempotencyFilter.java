package org.wushe.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} for the POST APIs: the first answer (status, type and body) to a key of a user, method and
 * path is stored in the database, and a retry with the same key gets that answer again, on any node, without running
 * the request a second time ({@code Idempotent-Replayed: true}). A retry while the first request still runs gets 409.
 * Answers of 500 and above are not kept, so that such a request can be retried. New API tokens are left out: their
 * answer holds the secret, which is never stored; time-bank transfers keep their keys themselves. A request whose node died before it
 * answered stays "running" for {@link #ABANDONED}; after that a retry runs it again. Keys are kept for {@link #KEPT}.
 */
@Component
class IdempotencyFilter extends OncePerRequestFilter {

	static final String HEADER = "Idempotency-Key";

	static final Duration ABANDONED = Duration.ofMinutes(5);

	static final Duration KEPT = Duration.ofHours(24);

	private static final int MAX_KEY = 200;

	private static final int MAX_PATH = 500;

	private static final int RUNNING = 0;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final MessageSource messages;

	private final LocaleResolver locales;

	IdempotencyFilter(JdbcClient jdbc, Clock clock, MessageSource messages, LocaleResolver locales) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.messages = messages;
		this.locales = locales;
	}

	private record Stored(int status, String contentType, byte[] body) {
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		// a new API token's answer holds its secret, which must not be stored; a time-bank transfer keeps its key in
		// the transfer's own transaction (and refuses a key reused for another transfer), which is stronger than this
		return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null || !path.startsWith("/api/")
				|| path.startsWith("/api/tokens") || path.startsWith("/api/timebank/transfers");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		String key = request.getHeader(HEADER).strip();
		String path = request.getRequestURI();
		if (auth == null || !auth.isAuthenticated() || path.length() > MAX_PATH) {
			chain.doFilter(request, response);
			return;
		}
		if (key.isEmpty() || key.length() > MAX_KEY) {
			problem(request, response, HttpServletResponse.SC_BAD_REQUEST, "web.idempotency.key-invalid", MAX_KEY);
			return;
		}
		String user = auth.getName();
		Instant now = Instant.now(clock);
		if (ThreadLocalRandom.current().nextInt(100) == 0) {
			jdbc.sql("DELETE FROM idempotent_request WHERE created_at < :before")
				.param("before", Timestamp.from(now.minus(KEPT)))
				.update();
		}
		if (!claim(key, user, path, now)) {
			Optional<Stored> first = find(key, user, path);
			if (first.isEmpty() || first.get().status() == RUNNING) {
				problem(request, response, HttpServletResponse.SC_CONFLICT, "web.idempotency.running", key);
				return;
			}
			response.setStatus(first.get().status());
			if (first.get().contentType() != null) {
				response.setContentType(first.get().contentType());
			}
			response.setHeader("Idempotent-Replayed", "true");
			if (first.get().body() != null) {
				response.getOutputStream().write(first.get().body());
			}
			return;
		}
		ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
		boolean kept = false;
		try {
			chain.doFilter(request, wrapper);
			if (wrapper.getStatus() < 500) {
				jdbc.sql("""
						UPDATE idempotent_request SET status = :status, content_type = :type, body = :body
						WHERE idem_key = :key AND username = :user AND method = 'POST' AND path = :path
						""")
					.param("status", wrapper.getStatus())
					.param("type", wrapper.getContentType())
					.param("body", wrapper.getContentAsByteArray())
					.param("key", key)
					.param("user", user)
					.param("path", path)
					.update();
				kept = true;
			}
		}
		finally {
			if (!kept) {
				release(key, user, path);
			}
			wrapper.copyBodyToResponse();
		}
	}

	/** Takes the key for this request; false when another request has it (or had it, and answered). */
	private boolean claim(String key, String user, String path, Instant now) {
		// a request whose node died without answering is given up after a while
		jdbc.sql("""
				DELETE FROM idempotent_request
				WHERE idem_key = :key AND username = :user AND method = 'POST' AND path = :path
				  AND status = 0 AND created_at < :abandoned
				""")
			.param("key", key)
			.param("user", user)
			.param("path", path)
			.param("abandoned", Timestamp.from(now.minus(ABANDONED)))
			.update();
		try {
			jdbc.sql("""
					INSERT INTO idempotent_request (idem_key, username, method, path, status, created_at)
					VALUES (:key, :user, 'POST', :path, 0, :now)
					""")
				.param("key", key)
				.param("user", user)
				.param("path", path)
				.param("now", Timestamp.from(now))
				.update();
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	private Optional<Stored> find(String key, String user, String path) {
		return jdbc.sql("""
				SELECT status, content_type, body FROM idempotent_request
				WHERE idem_key = :key AND username = :user AND method = 'POST' AND path = :path
				""")
			.param("key", key)
			.param("user", user)
			.param("path", path)
			.query((rs, n) -> new Stored(rs.getInt(1), rs.getString(2), rs.getBytes(3)))
			.optional();
	}

	private void release(String key, String user, String path) {
		jdbc.sql("""
				DELETE FROM idempotent_request
				WHERE idem_key = :key AND username = :user AND method = 'POST' AND path = :path AND status = 0
				""")
			.param("key", key)
			.param("user", user)
			.param("path", path)
			.update();
	}

	private void problem(HttpServletRequest request, HttpServletResponse response, int status, String messageKey,
			Object arg) throws IOException {
		Locale locale = locales.resolveLocale(request);
		String detail = messages.getMessage(messageKey, new Object[] { arg }, locale);
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter()
			.write("{\"type\":\"about:blank\",\"status\":" + status + ",\"detail\":\"" + json(detail)
					+ "\",\"instance\":\"" + json(request.getRequestURI()) + "\"}");
	}

	private static String json(String text) {
		StringBuilder out = new StringBuilder(text.length() + 8);
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				default -> {
					if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		return out.toString();
	}

}
