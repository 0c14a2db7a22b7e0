package org.wushe.access;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * The account aggregate. Lock-out and the forced password change are state of the account itself.
 */
@Table
record Account(@Id Long id, String username, String displayName, String regionCode, Role role, String passwordHash,
		boolean mustChangePassword, int failedAttempts, Instant lockedUntil, boolean enabled, Instant createdAt,
		String createdBy) {

	static final int MAX_FAILED_ATTEMPTS = 5;

	static final java.time.Duration LOCK_TIME = java.time.Duration.ofMinutes(15);

	Account withId(Long newId) {
		return new Account(newId, username, displayName, regionCode, role, passwordHash, mustChangePassword,
				failedAttempts, lockedUntil, enabled, createdAt, createdBy);
	}

	boolean isLocked(Instant now) {
		return lockedUntil != null && lockedUntil.isAfter(now);
	}

	Account withPassword(String hash, boolean mustChange) {
		return new Account(id, username, displayName, regionCode, role, hash, mustChange, 0, null, enabled, createdAt,
				createdBy);
	}

	Account afterFailedLogin(Instant now) {
		int failed = isLocked(now) ? failedAttempts : failedAttempts + 1;
		Instant until = failed >= MAX_FAILED_ATTEMPTS && !isLocked(now) ? now.plus(LOCK_TIME) : lockedUntil;
		if (failed >= MAX_FAILED_ATTEMPTS && !isLocked(now)) {
			failed = 0;
		}
		return new Account(id, username, displayName, regionCode, role, passwordHash, mustChangePassword, failed, until,
				enabled, createdAt, createdBy);
	}

	Account afterSuccessfulLogin() {
		return new Account(id, username, displayName, regionCode, role, passwordHash, mustChangePassword, 0, null,
				enabled, createdAt, createdBy);
	}

	Account unlocked() {
		return afterSuccessfulLogin();
	}

	Account withEnabled(boolean value) {
		return new Account(id, username, displayName, regionCode, role, passwordHash, mustChangePassword,
				failedAttempts, lockedUntil, value, createdAt, createdBy);
	}

}
