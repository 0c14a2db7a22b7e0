package org.wushe.care;

import java.time.LocalDate;
import java.util.List;

/**
 * A person served as lists and API answers show it: ID number, phone and address masked, health notes only said to
 * exist. The full values need {@code personal-data:view} ({@code GET /api/persons/{id}/personal-data}).
 */
public record Person(long id, String regionCode, String regionName, String name, String gender, LocalDate birthDate,
		int age, String idNumber, String phone, String address, boolean hasHealthNotes, List<String> categories,
		String riskLevel, String livingSituation, Consent guardianConsent, int visitIntervalDays,
		LocalDate registeredOn, LocalDate lastVisitOn, LocalDate nextDue, boolean overdue) {

	/** The recorded guardian consent, or {@code null}. */
	public record Consent(String guardianName, String relation, LocalDate date, String method) {
	}

}
