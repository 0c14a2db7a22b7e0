package org.wushe.actor.volunteer;

import java.time.Instant;
import java.util.List;

/**
 * A volunteer as lists, details and the API show them: the volunteer number is public, ID number and phone only ever
 * masked.
 */
public record Volunteer(long id, String volunteerNumber, String name, String idNumber, String phone,
		String regionCode, String regionName, List<String> teams, List<String> skills, VolunteerStatus status,
		Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {
}
