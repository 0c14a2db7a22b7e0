package org.wushe.activity.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.wushe.activity.Activity;
import org.wushe.actor.OrganizationDirectory;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.wushe.activity.ServiceDomain;

/**
 * An activity record as the API shows it; domains by constant ({@code ELDERLY}). {@code organizationIds} are the
 * linked registered organizations; {@code organizations} names those the caller can see (single records only).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ActivityView(long id, long campaignId, String regionCode, String regionName, String name, String units,
		int participants, LocalDate startDate, LocalDate endDate, String place, String content,
		List<ServiceDomain> domains, int beneficiaries, BigDecimal fundsYuan, BigDecimal materialsYuan,
		String remarks, boolean outsideWindow, Instant createdAt, String createdBy, Instant updatedAt,
		String updatedBy, List<Long> organizationIds, List<OrganizationDirectory.Entry> organizations) {

	/** A record in a list, with the ids of its linked organizations. */
	static ActivityView listed(Activity a, List<Long> organizationIds) {
		return of(a, organizationIds, null);
	}

	/** One record, with the linked organizations the caller can see. */
	static ActivityView single(Activity a, List<OrganizationDirectory.Entry> organizations) {
		return of(a, organizations.stream().map(OrganizationDirectory.Entry::id).toList(), organizations);
	}

	private static ActivityView of(Activity a, List<Long> organizationIds,
			List<OrganizationDirectory.Entry> organizations) {
		return new ActivityView(a.id(), a.campaignId(), a.region().value(), a.regionName(), a.name(), a.units(),
				a.participants(), a.startDate(), a.endDate(), a.place(), a.content(), List.copyOf(a.domains()),
				a.beneficiaries(), a.fundsYuan(), a.materialsYuan(), a.remarks(), a.outsideWindow(), a.createdAt(),
				a.createdBy(), a.updatedAt(), a.updatedBy(), organizationIds, organizations);
	}

}
