package org.wushe.charity.donation;

import org.wushe.charity.DonorKind;

/** A donor as lists and the API show them; the phone only ever masked. */
public record Donor(long id, DonorKind kind, String name, String regionCode, String regionName, String creditCode,
		String contactPerson, String phone) {
}
