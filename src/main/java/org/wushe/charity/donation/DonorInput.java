package org.wushe.charity.donation;

/** A donor as a form or API body gives it. */
public record DonorInput(String kind, String name, String regionCode, String creditCode, String contactPerson,
		String phone) {
}
