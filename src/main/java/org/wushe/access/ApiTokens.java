package org.wushe.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.audit.AuditTrail;
import org.wushe.audit.SharedCommitAudit;
import org.wushe.shared.BusinessException;
import org.wushe.shared.DateText;
import org.wushe.shared.InvalidInputException;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * API tokens for other systems, as DHIS2's personal access tokens: a user creates them for themselves, an
 * administrator also for another account (a service account). The token is shown once; only its SHA-256 hash is kept,
 * which is enough for a random 256-bit secret and costs a microsecond to check. Checked tokens are held in memory for
 * {@link #CACHED} (revoking one on this node drops it at once; other nodes notice within that time).
 */
@Service
@RequiredArgsConstructor
class ApiTokens {

	static final String PREFIX = "wst_";

	static final Duration CACHED = Duration.ofSeconds(30);

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private static final int MAX_NAME = 100;

	/** A token as the database holds it, without its secret. */
	record Token(long id, long accountId, String username, String name, Set<String> permissions,
			List<String> allowedIps, Instant expiresAt, Instant createdAt, String createdBy, Instant revokedAt) {

		boolean allows(String address) {
			if (allowedIps.isEmpty()) {
				return true;
			}
			return address != null && allowedIps.stream().anyMatch(ip -> new IpAddressMatcher(ip).matches(address));
		}

	}

	/** What a checked token resolves to: the token and its owner narrowed to the token's permissions. */
	record Checked(Token token, CurrentUser user) {
	}

	record Created(long id, String token) {
	}

	private final JdbcClient jdbc;

	private final AccountService accounts;

	private final AuditTrail audit;

	private final SharedCommitAudit uses;

	private final Clock clock;

	private final Cache<String, Optional<Checked>> cache = Caffeine.newBuilder()
		.maximumSize(10_000)
		.expireAfterWrite(CACHED)
		.build();

	/** Creates a token for {@code username} (the creator when empty); answers the secret, shown only this once. */
	@Transactional
	Created create(CurrentUser creator, String username, String name, String expiresAt, List<String> permissions,
			List<String> allowedIps) {
		CurrentUser owner = owner(creator, username);
		String cleanName = name == null ? "" : name.strip();
		if (cleanName.isEmpty()) {
			throw InvalidInputException.of("name", "access.token.name-required");
		}
		if (cleanName.length() > MAX_NAME) {
			throw InvalidInputException.of("name", "access.token.name-too-long", MAX_NAME);
		}
		Instant expiry = expiry(expiresAt);
		Set<String> granted = null;
		if (permissions != null && !permissions.isEmpty()) {
			granted = new LinkedHashSet<>();
			for (String p : permissions) {
				String permission = p == null ? "" : p.strip();
				if (!owner.role().can(permission)) {
					throw InvalidInputException.of("permissions", "access.token.permission-not-held", permission);
				}
				granted.add(permission);
			}
		}
		List<String> ips = new ArrayList<>();
		for (String ip : allowedIps == null ? List.<String>of() : allowedIps) {
			String address = ip == null ? "" : ip.strip();
			try {
				new IpAddressMatcher(address);
			}
			catch (IllegalArgumentException ex) {
				throw InvalidInputException.of("allowedIps", "access.token.ip-invalid", address);
			}
			ips.add(address);
		}
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO api_token (account_id, name, token_hash, permissions, allowed_ips, expires_at, created_at,
				                       created_by)
				VALUES (:account, :name, :hash, :permissions, :ips, :expires, :now, :creator)
				""")
			.param("account", owner.id())
			.param("name", cleanName)
			.param("hash", hash(token))
			.param("permissions", granted == null ? null : String.join(",", granted))
			.param("ips", ips.isEmpty() ? null : String.join(",", ips))
			.param("expires", Timestamp.from(expiry))
			.param("now", Timestamp.from(Instant.now(clock)))
			.param("creator", creator.getUsername())
			.update(keys, "id");
		long id = keys.getKey().longValue();
		audit.record(creator.getUsername(), "api.token.create", "api_token", id, owner.region(), null,
				owner.getUsername() + ": " + cleanName);
		return new Created(id, token);
	}

	/** The tokens of the user, and those the user created for others. */
	List<Token> list(CurrentUser user) {
		return jdbc.sql(SELECT + " WHERE t.account_id = :id OR t.created_by = :username ORDER BY t.id DESC")
			.param("id", user.id())
			.param("username", user.getUsername())
			.query(ApiTokens::map)
			.list();
	}

	/** Revokes one of the user's tokens, or one the user created; anything else is unknown to them. */
	@Transactional
	void revoke(CurrentUser user, long id) {
		Token token = find(id).filter(t -> t.accountId() == user.id() || t.createdBy().equals(user.getUsername()))
			.orElseThrow(() -> BusinessException.notFound("access.token.unknown", id));
		if (token.revokedAt() == null) {
			jdbc.sql("UPDATE api_token SET revoked_at = :now, revoked_by = :by WHERE id = :id")
				.param("now", Timestamp.from(Instant.now(clock)))
				.param("by", user.getUsername())
				.param("id", id)
				.update();
			audit.record(user.getUsername(), "api.token.revoke", "api_token", id, user.region(), null,
					token.username() + ": " + token.name());
		}
		cache.asMap().values().removeIf(c -> c.isPresent() && c.get().token().id() == id);
	}

	/**
	 * The token behind a secret, with its owner narrowed to its permissions; empty for an unknown secret. Expiry,
	 * revocation and addresses are the caller's to check, so that each refusal can be told apart.
	 */
	Optional<Checked> check(String secret) {
		return cache.get(hash(secret), this::load);
	}

	private Optional<Checked> load(String hash) {
		return jdbc.sql(SELECT + " WHERE t.token_hash = :hash")
			.param("hash", hash)
			.query(ApiTokens::map)
			.optional()
			.flatMap(t -> accounts.loadUser(t.username()).map(u -> {
				u.eraseCredentials();
				return new Checked(t, u.limitedTo(t.permissions()));
			}));
	}

	/**
	 * Audits a use or a refusal of a token. It is committed before the call is answered, as one commit shared with
	 * the calls of the same moment: a separate commit per call would be a durable write per API call.
	 */
	void audit(String action, Token token, String address, String detail) {
		String actor = token == null ? "anonymous" : token.username() + "/" + token.name();
		uses.record(new AuditTrail.Entry(actor, action, "api_token", token == null ? null : token.id(), null, address,
				detail));
	}

	private Optional<Token> find(long id) {
		return jdbc.sql(SELECT + " WHERE t.id = :id").param("id", id).query(ApiTokens::map).optional();
	}

	private CurrentUser owner(CurrentUser creator, String username) {
		if (username == null || username.isBlank() || username.strip().equals(creator.getUsername())) {
			return creator;
		}
		if (creator.role() != Role.ADMIN) {
			throw BusinessException.forbidden("access.token.others-admin-only");
		}
		return accounts.loadUser(username.strip())
			.filter(u -> creator.scope().covers(u.region()))
			.orElseThrow(() -> InvalidInputException.of("username", "access.account.unknown", username.strip()));
	}

	private Instant expiry(String text) {
		if (text == null || text.isBlank()) {
			throw InvalidInputException.of("expiresAt", "access.token.expiry-required");
		}
		String s = text.strip();
		Instant at;
		try {
			// an instant carries a time of day and an offset; a day alone lasts the token to its end
			at = s.contains(":") ? OffsetDateTime.parse(s).toInstant()
					: DateText.parse(s).plusDays(1).atStartOfDay(ZONE).toInstant();
		}
		catch (DateTimeParseException | DateText.NotADate ex) {
			throw InvalidInputException.of("expiresAt", "access.token.expiry-invalid", text);
		}
		if (!at.isAfter(Instant.now(clock))) {
			throw InvalidInputException.of("expiresAt", "access.token.expiry-past", text);
		}
		return at;
	}

	static String hash(String secret) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static final String SELECT = """
			SELECT t.id, t.account_id, a.username, t.name, t.permissions, t.allowed_ips, t.expires_at, t.created_at,
			       t.created_by, t.revoked_at
			FROM api_token t JOIN account a ON a.id = t.account_id
			""";

	private static Token map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		String permissions = rs.getString("permissions");
		String ips = rs.getString("allowed_ips");
		Timestamp revoked = rs.getTimestamp("revoked_at");
		return new Token(rs.getLong("id"), rs.getLong("account_id"), rs.getString("username"), rs.getString("name"),
				permissions == null ? null : Set.copyOf(Arrays.asList(permissions.split(","))),
				ips == null ? List.of() : List.of(ips.split(",")), rs.getTimestamp("expires_at").toInstant(),
				rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
				revoked == null ? null : revoked.toInstant());
	}

}
