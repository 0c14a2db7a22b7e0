package org.wushe.campaign.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.wushe.campaign.Campaign;
import org.wushe.campaign.Deadline;

/** A campaign as the API shows it; instants in Asia/Shanghai ({@code 2022-03-24T17:00:00+08:00}). */
record CampaignView(long id, Long parentId, String name, String theme, String regionCode, String regionName,
		int reportingLevel, LocalDate startDate, LocalDate endDate, List<OffsetDateTime> deadlines,
		OffsetDateTime summaryDeadline, String tableTitle, List<String> contentItems, List<String> activityForms,
		String contactName, String contactPhone, String contactEmail) {

	static CampaignView of(Campaign c) {
		return new CampaignView(c.id(), c.parentId(), c.name(), c.theme(), c.region().value(), c.regionName(),
				c.reportingLevel().number(), c.startDate(), c.endDate(),
				c.deadlines().stream().map(CampaignView::offset).toList(),
				c.summaryDeadline() == null ? null : offset(c.summaryDeadline()), c.tableTitle(), c.contentItems(),
				c.activityForms(), c.contactName(), c.contactPhone(), c.contactEmail());
	}

	static OffsetDateTime offset(Deadline d) {
		return d.dueAt().atZone(Deadline.ZONE).toOffsetDateTime();
	}

}
