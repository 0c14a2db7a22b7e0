package org.wushe.activity.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.wushe.activity.Activity;
import org.wushe.activity.ServiceDomain;

/** An activity record as the API shows it; domains by constant ({@code ELDERLY}). */
record ActivityView(long id, long campaignId, String regionCode, String regionName, String name, String units,
		int participants, LocalDate startDate, LocalDate endDate, String place, String content,
		List<ServiceDomain> domains, int beneficiaries, BigDecimal fundsYuan, BigDecimal materialsYuan,
		String remarks, boolean outsideWindow, Instant createdAt, String createdBy, Instant updatedAt,
		String updatedBy) {

	static ActivityView of(Activity a) {
		return new ActivityView(a.id(), a.campaignId(), a.region().value(), a.regionName(), a.name(), a.units(),
				a.participants(), a.startDate(), a.endDate(), a.place(), a.content(), List.copyOf(a.domains()),
				a.beneficiaries(), a.fundsYuan(), a.materialsYuan(), a.remarks(), a.outsideWindow(), a.createdAt(),
				a.createdBy(), a.updatedAt(), a.updatedBy());
	}

}
