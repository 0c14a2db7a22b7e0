package org.wushe.activity;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.wushe.campaign.CampaignSeeded;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionScope;
import org.wushe.shared.DemoDates;

/**
 * Adds the demo's activity records to a seeded campaign, from {@code demo/activities-<seed>.csv}, through the same
 * rules as any user's records (messy dates and amounts included), so the rollups are built as in real use.
 */
@Component
@RequiredArgsConstructor
class ActivityDemo {

	private static final ZoneId DEMO_ZONE = ZoneId.of("Asia/Shanghai");

	private static final RegionScope EVERYWHERE = new RegionScope(RegionCode.COUNTRY);

	private final ActivityService activities;

	/** Columns: region, name, units, participants, dates, place, content, domains, beneficiaries, funds, materials, remarks. */
	@EventListener
	void onCampaignSeeded(CampaignSeeded seeded) {
		for (String[] f : DemoDates.rows("demo/activities-" + seeded.seed() + ".csv", LocalDate.now(DEMO_ZONE))) {
			activities.record(EVERYWHERE, seeded.campaignId(), new ActivityInput(f[0], f[1], f[2], f[3], f[4], null, f[5],
					f[6], List.of(f[7]), f[8], f[9], f[10], f[11]), "demo");
		}
	}

}
