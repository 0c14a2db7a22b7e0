package org.wushe.actor.organization;

import java.util.List;

/**
 * What a form, an API body or a workbook row says about an organization. Everything is text, checked by
 * {@link OrganizationService} with one error per field.
 */
public record OrganizationInput(String name, String creditCode, String kind, String regionCode,
		String legalRepresentative, String contactPerson, String contactPhone, String address,
		List<String> serviceDomains, String status, String registeredOn) {

	static OrganizationInput empty(String regionCode) {
		return new OrganizationInput("", "", "", regionCode, "", "", "", "", List.of(), "ACTIVE", "");
	}

	static OrganizationInput of(Organization o) {
		return new OrganizationInput(o.name(), o.creditCode(), o.kind().name(), o.regionCode(),
				o.legalRepresentative(), o.contactPerson(), "", o.address(),
				o.serviceDomains().stream().map(Enum::name).toList(), o.status().name(),
				o.registeredOn() == null ? "" : o.registeredOn().toString());
	}

}
