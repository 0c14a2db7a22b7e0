package org.wushe.access;

import java.text.Normalizer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * The account aggregate. Lock-out and the forced password change are state of the account itself.
 */
@Table
record Account(@Id Long id, String username, String usernameKey, String displayName, String regionCode, Role role,
		String passwordHash, boolean mustChangePassword, int failedAttempts, Instant lockedUntil, boolean enabled,
		Instant createdAt, String createdBy, Instant credentialsChangedAt) {

	static final int MAX_FAILED_ATTEMPTS = 5;

	static final java.time.Duration LOCK_TIME = java.time.Duration.ofMinutes(15);

	/** A new account, unlocked and enabled. */
	static Account create(String username, String displayName, String regionCode, Role role, String passwordHash,
			boolean mustChangePassword, Instant createdAt, String createdBy) {
		return new Account(null, username, key(username), displayName, regionCode, role, passwordHash,
				mustChangePassword, 0, null, true, createdAt, createdBy, null);
	}

	/**
	 * What makes two usernames the same: Unicode NFKC (full-width letters become ASCII) then lower case, so that
	 * {@code Admin}, {@code ADMIN} and {@code Ａｄｍｉｎ} are one name.
	 */
	static String key(String username) {
		return Normalizer.normalize(username.strip(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
	}

	Account withId(Long newId) {
		return new Account(newId, username, usernameKey, displayName, regionCode, role, passwordHash,
				mustChangePassword, failedAttempts, lockedUntil, enabled, createdAt, createdBy, credentialsChangedAt);
	}

	boolean isLocked(Instant now) {
		return lockedUntil != null && lockedUntil.isAfter(now);
	}

	/** A new password, changed or reset at {@code now}: the account's sessions from before then end. */
	Account withPassword(String hash, boolean mustChange, Instant now) {
		return new Account(id, username, usernameKey, displayName, regionCode, role, hash, mustChange, 0, null,
				enabled, createdAt, createdBy, now.truncatedTo(ChronoUnit.MILLIS));
	}

	Account afterFailedLogin(Instant now) {
		int failed = isLocked(now) ? failedAttempts : failedAttempts + 1;
		Instant until = failed >= MAX_FAILED_ATTEMPTS && !isLocked(now) ? now.plus(LOCK_TIME) : lockedUntil;
		if (failed >= MAX_FAILED_ATTEMPTS && !isLocked(now)) {
			failed = 0;
		}
		return new Account(id, username, usernameKey, displayName, regionCode, role, passwordHash, mustChangePassword,
				failed, until, enabled, createdAt, createdBy, credentialsChangedAt);
	}

	Account afterSuccessfulLogin() {
		return new Account(id, username, usernameKey, displayName, regionCode, role, passwordHash, mustChangePassword,
				0, null, enabled, createdAt, createdBy, credentialsChangedAt);
	}

	Account unlocked() {
		return afterSuccessfulLogin();
	}

	Account withEnabled(boolean value) {
		return new Account(id, username, usernameKey, displayName, regionCode, role, passwordHash, mustChangePassword,
				failedAttempts, lockedUntil, value, createdAt, createdBy, credentialsChangedAt);
	}

}
