package org.wushe.actor.organization;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.wushe.actor.OrganizationKind;

/**
 * A social organization as lists, details and the API show it. The contact phone is only ever the masked form; the
 * ciphertext stays in the repository.
 */
public record Organization(long id, String name, String creditCode, boolean creditCodeWarning, OrganizationKind kind,
		String regionCode, String regionName, String legalRepresentative, String contactPerson, String contactPhone,
		String address, List<OrganizationDomain> serviceDomains, OrganizationStatus status, LocalDate registeredOn,
		Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {
}
