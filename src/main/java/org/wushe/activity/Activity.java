package org.wushe.activity;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import org.wushe.region.RegionCode;

/**
 * One activity record: a row of 附件1, recorded at a region under a campaign.
 *
 * @param outsideWindow the activity started outside the campaign window (allowed, but flagged)
 */
public record Activity(long id, long campaignId, RegionCode region, String regionName, String name, String units,
		int participants, LocalDate startDate, LocalDate endDate, String place, String content,
		Set<ServiceDomain> domains, int beneficiaries, BigDecimal fundsYuan, BigDecimal materialsYuan, String remarks,
		boolean outsideWindow, Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {

	/** What the rollups count of this record. */
	Contribution contribution() {
		return new Contribution(region, startDate, campaignId, participants, beneficiaries, fundsYuan, materialsYuan,
				ServiceDomain.mask(domains));
	}

}
