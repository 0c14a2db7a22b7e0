package org.wushe.actor.registry;

import java.util.Map;

import org.wushe.personal.PersonalData;

/** A person's full ID number and phone as an audited read answers them. */
public record FullPersonalData(long id, String idNumber, String phone) {

	/** The values {@link PersonalData#reveal} answered for record {@code id}. */
	public static FullPersonalData of(long id, Map<PersonalData.Kind, String> plain) {
		return new FullPersonalData(id, plain.get(PersonalData.Kind.ID_NUMBER), plain.get(PersonalData.Kind.PHONE));
	}

}
