package org.wushe.campaign;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

import org.wushe.region.RegionCode;

/**
 * Where progress reports get their rows: the activity records of some campaigns in a unit's subtree. The activity
 * module provides it; the campaign module does not depend on activity records otherwise.
 */
public interface CampaignActivitySource {

	/**
	 * Hands every record of the campaigns in the subtree of {@code unit} that started on or before {@code lastDay} to
	 * {@code sink}, ordered by region, date and id.
	 */
	void forEachRow(List<Long> campaignIds, RegionCode unit, LocalDate lastDay, Consumer<ReportRow> sink);

}
