package org.wushe.campaign;

import java.util.List;

/**
 * What a user sends to create or change a campaign (the form and {@code POST /api/campaigns}). Dates and instants are
 * text so that a wrong value gets an error naming its field: dates {@code yyyy-MM-dd}, deadlines ISO-8601 instants
 * or local date-times in Asia/Shanghai.
 *
 * @param parentId set for a local campaign under another; theme and window then come from the parent
 */
public record CampaignInput(Long parentId, String name, String theme, String regionCode, Integer reportingLevel,
		String startDate, String endDate, List<String> deadlines, String summaryDeadline, String tableTitle,
		List<String> contentItems, List<String> activityForms, String contactName, String contactPhone,
		String contactEmail) {

	public CampaignInput {
		deadlines = deadlines == null ? List.of() : deadlines;
		contentItems = contentItems == null ? List.of() : contentItems;
		activityForms = activityForms == null ? List.of() : activityForms;
	}

}
