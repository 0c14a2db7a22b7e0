package org.wushe.care;

import java.util.List;

/**
 * A person as typed into the form or the API ({@code POST/PUT /api/persons}). Texts are checked by
 * {@link PersonService}; on an edit a blank ID number, phone, address or health note keeps the stored one.
 */
public record PersonInput(String regionCode, String name, String gender, String birthDate, String idNumber,
		String phone, String address, String healthNotes, List<String> categories, String riskLevel,
		String livingSituation, GuardianConsent guardianConsent) {

	/** 监护人同意: who consented for a child under 14, how and when. */
	public record GuardianConsent(String guardianName, String relation, String date, String method) {
	}

}
