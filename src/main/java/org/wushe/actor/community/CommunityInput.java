package org.wushe.actor.community;

/** A community's committee contact as a form or API body gives it; a blank phone on edit keeps the stored one. */
public record CommunityInput(String regionCode, String committeeName, String contactPerson, String contactPhone,
		String address, String households, String residents) {

	static CommunityInput empty(String regionCode) {
		return new CommunityInput(regionCode, "", "", "", "", "", "");
	}

	static CommunityInput of(Community c) {
		return new CommunityInput(c.regionCode(), c.committeeName(), c.contactPerson(), "", c.address(),
				c.households() == null ? "" : c.households().toString(),
				c.residents() == null ? "" : c.residents().toString());
	}

}
