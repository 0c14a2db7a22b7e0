package org.wushe.actor.community;

import java.time.Instant;

/**
 * A community (a village-level region) with its committee's contact; the phone only ever masked. {@code groups} is
 * the number of grassroots groups.
 */
public record Community(String regionCode, String regionName, String committeeName, String contactPerson,
		String contactPhone, String address, Integer households, Integer residents, long groups, Instant updatedAt,
		String updatedBy) {
}
