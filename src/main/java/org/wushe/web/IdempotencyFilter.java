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

import javax.sql.DataSource;

import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.UnexpectedRollbackException;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.wushe.shared.Databases;

/**
 * {@code Idempotency-Key} for the POST APIs: the first successful answer (status, type and body) to a key of a user,
 * method and path is stored in the database, and a retry with the same key gets that answer again, on any node,
 * without running the request a second time ({@code Idempotent-Replayed: true}).
 * <p>
 * The request runs inside one transaction that the services' own transactions join: its first statement claims the
 * key (inserts its row), its last one stores the answer, and it commits before a byte of the answer leaves the node.
 * The record and the writes it stands for are therefore committed together or not at all: a node that dies in the
 * middle leaves neither, and a retry runs the request afresh. A second request with the same key while the first
 * runs waits on the row lock of the claim (up to {@link #WAIT}) and then replays the first answer; if the first is
 * still running after that, it answers 409.
 * <p>
 * Only answers below 400 are kept. A 4xx or 5xx answer rolls the whole transaction back, claim included, so nothing
 * of a refused request is stored and the key stays free: a corrected request may be sent again with the same key.
 * New API tokens are left out: their answer holds the secret, which is never stored; time-bank transfers keep their
 * keys in their own table, with the same guarantee. Keys are kept for {@link #KEPT}.
 */
@Component
@RequiredArgsConstructor
class IdempotencyFilter extends OncePerRequestFilter {

	static final String HEADER = "Idempotency-Key";

	static final Duration KEPT = Duration.ofHours(24);

	/** How long a retry waits for the first request with its key to finish. */
	static final Duration WAIT = Duration.ofSeconds(10);

	private static final int MAX_KEY = 200;

	private static final int MAX_PATH = 500;

	private static final int RUNNING = 0;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final MessageSource messages;

	private final LocaleResolver locales;

	private final PlatformTransactionManager transactions;

	private final DataSource dataSource;

	private record Stored(int status, String contentType, byte[] body) {
	}

	/** Thrown inside the transaction to roll it back when the claim could not be had. */
	private static final class Taken extends RuntimeException {

		private final boolean waitedOut;

		Taken(boolean waitedOut) {
			super(null, null, false, false);
			this.waitedOut = waitedOut;
		}

	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		// a new API token's answer holds its secret, which must not be stored; a time-bank transfer keeps its key in
		// the transfer's own transaction (and refuses a key reused for another transfer)
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
		// known before the transaction takes its connection: finding it out takes another one
		boolean pg = Databases.isPostgres(dataSource);
		ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
		TransactionTemplate tx = new TransactionTemplate(transactions);
		try {
			tx.executeWithoutResult(status -> {
				claim(key, user, path, now, pg);
				try {
					chain.doFilter(request, wrapper);
				}
				catch (IOException | ServletException ex) {
					throw new IllegalStateException(ex);
				}
				if (wrapper.getStatus() >= 400) {
					// nothing of a refused request is kept, and its key stays free
					status.setRollbackOnly();
					return;
				}
				if (status.isRollbackOnly()) {
					// a part of the request failed and asked for a rollback, yet it answered success: it must not
					// be told it succeeded (the buffered answer is never sent)
					throw new UnexpectedRollbackException("rolled back, though answered " + wrapper.getStatus());
				}
				record(key, user, path, wrapper);
			});
		}
		catch (Taken taken) {
			replay(request, response, key, user, path, taken.waitedOut);
			return;
		}
		catch (IllegalStateException ex) {
			if (ex.getCause() instanceof IOException io) {
				throw io;
			}
			if (ex.getCause() instanceof ServletException se) {
				throw se;
			}
			throw ex;
		}
		wrapper.copyBodyToResponse();
	}

	/**
	 * Takes the key for this request, as the first statement of its transaction. Another transaction holding the same
	 * key (uncommitted) makes this wait for it; once it has committed, the key is taken ({@link Taken}).
	 */
	private void claim(String key, String user, String path, Instant now, boolean pg) {
		if (pg) {
			jdbc.sql("SET LOCAL lock_timeout = '" + WAIT.toMillis() + "ms'").update();
		}
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
		}
		catch (DuplicateKeyException ex) {
			throw new Taken(false);
		}
		catch (PessimisticLockingFailureException ex) {
			throw new Taken(true);
		}
		if (pg) {
			jdbc.sql("SET LOCAL lock_timeout = DEFAULT").update();
		}
	}

	private void record(String key, String user, String path, ContentCachingResponseWrapper wrapper) {
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
	}

	private void replay(HttpServletRequest request, HttpServletResponse response, String key, String user,
			String path, boolean waitedOut) throws IOException {
		Optional<Stored> first = waitedOut ? Optional.empty() : find(key, user, path);
		if (first.isPresent() && first.get().status() == RUNNING) {
			// a claim committed without its answer: left by an earlier version that recorded answers after the
			// request's own commit; it is given up, and the next retry runs the request
			jdbc.sql("""
					DELETE FROM idempotent_request
					WHERE idem_key = :key AND username = :user AND method = 'POST' AND path = :path AND status = 0
					""").param("key", key).param("user", user).param("path", path).update();
		}
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
	}

	private Optional<Stored> find(String key, String user, String path) {
		return jdbc.sql("""
				SELECT status, content_type, body FROM idempotent_request
				WHERE idem_key = :key AND username = :user AND method = 'POST' AND path = :path
				""")
			.param("key", key)
			.param("user", user)
			.param("path", path)
			.query(Stored.class)
			.optional();
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
					+ "\",\"instance\":\"" + json(request.getRequestURI()) + "\""
					// a bad key is a fault of the header, named like any other field
					+ (status == HttpServletResponse.SC_BAD_REQUEST
							? ",\"errors\":[{\"field\":\"" + HEADER + "\",\"message\":\"" + json(detail) + "\"}]" : "")
					+ "}");
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
