package org.wushe.access;

import java.time.Instant;

/**
 * An account as lists and the API show it: never the password hash.
 */
public record AccountView(long id, String username, String displayName, String regionCode, String regionName,
		Role role, boolean mustChangePassword, boolean locked, boolean enabled, Instant createdAt, String createdBy) {
}
