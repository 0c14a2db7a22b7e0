package org.wushe.campaign.web;

import java.util.Arrays;
import java.util.List;

import org.wushe.campaign.Campaign;
import org.wushe.campaign.CampaignInput;
import org.wushe.campaign.Deadline;
import org.wushe.shared.DateText;

/**
 * The campaign form: lists (deadlines, content items, activity forms) are text areas with one entry per line;
 * deadlines are written {@code 2022-03-24 17:00} in Asia/Shanghai.
 */
record CampaignForm(Long parentId, String name, String theme, String regionCode, String reportingLevel,
		String startDate, String endDate, String deadlines, String summaryDeadline, String tableTitle,
		String contentItems, String activityForms, String contactName, String contactPhone, String contactEmail) {

	static CampaignForm empty(String regionCode, Campaign parent) {
		if (parent == null) {
			return new CampaignForm(null, "", "", regionCode, "", "", "", "", "", "", "", "", "", "", "");
		}
		return new CampaignForm(parent.id(), "", parent.theme(), regionCode,
				String.valueOf(Math.min(parent.reportingLevel().number() + 1, 5)), parent.startDate().toString(),
				parent.endDate().toString(), "", "", parent.tableTitle(), String.join("\n", parent.contentItems()),
				String.join("\n", parent.activityForms()), "", "", "");
	}

	static CampaignForm of(Campaign c) {
		return new CampaignForm(c.parentId(), c.name(), c.theme(), c.region().value(),
				String.valueOf(c.reportingLevel().number()), c.startDate().toString(), c.endDate().toString(),
				String.join("\n", c.deadlines().stream().map(CampaignForm::local).toList()),
				c.summaryDeadline() == null ? "" : local(c.summaryDeadline()), c.tableTitle(),
				String.join("\n", c.contentItems()), String.join("\n", c.activityForms()), c.contactName(),
				c.contactPhone(), c.contactEmail());
	}

	static String local(Deadline d) {
		return d.local().format(DateText.MINUTE);
	}

	CampaignInput toInput() {
		Integer level = null;
		try {
			level = reportingLevel == null || reportingLevel.isBlank() ? null : Integer.valueOf(reportingLevel.strip());
		}
		catch (NumberFormatException ex) {
			level = -1;
		}
		return new CampaignInput(parentId, name, theme, regionCode, level, startDate, endDate, lines(deadlines),
				summaryDeadline, tableTitle, lines(contentItems), lines(activityForms), contactName, contactPhone,
				contactEmail);
	}

	private static List<String> lines(String text) {
		return text == null ? List.of() : Arrays.stream(text.split("\\R")).filter(s -> !s.isBlank()).toList();
	}

}
