package org.wushe.campaign.web;

import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;
import org.wushe.access.CurrentUser;
import org.wushe.access.Permissions;
import org.wushe.campaign.ProgressReports;
import org.wushe.campaign.Reminder;
import org.wushe.shared.DateText;
import org.wushe.shared.HomeNotice;
import org.wushe.shared.HomeNotices;

/**
 * The campaign module's part of the home page: the reminders of the user's reporting unit (a report or summary due
 * within 24 hours and not yet submitted), soonest first, each linking to the page where it is done.
 */
@Component
@RequiredArgsConstructor
class ReminderNotices implements HomeNotices {

	static final String KIND = "reminder";

	private static final DateTimeFormatter MINUTE = DateText.MINUTE;

	private final ProgressReports reports;

	@Override
	public List<HomeNotice> noticesFor(UserDetails user) {
		if (!(user instanceof CurrentUser current) || !current.can(Permissions.REPORT_SUBMIT)) {
			return List.of();
		}
		return reports.reminders(current.scope(), current.region())
			.stream()
			.sorted(Comparator.comparing(Reminder::dueAt))
			.map(ReminderNotices::notice)
			.toList();
	}

	static HomeNotice notice(Reminder r) {
		String href = r.deadlineNumber() == 0 ? "/campaigns/" + r.campaignId() + "/summary?unit=" + r.unitCode()
				: "/campaigns/" + r.campaignId() + "/reports/" + r.deadlineNumber() + "?region=" + r.unitCode();
		return new HomeNotice(KIND, r.campaignId(), r.messageKey(), List.of(r.campaignName(), r.deadlineNumber(),
				MINUTE.format(r.dueAtLocal()), r.unitName()), href, r.urgent());
	}

}
