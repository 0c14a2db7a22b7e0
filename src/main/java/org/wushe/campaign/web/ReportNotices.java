package org.wushe.campaign.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;
import org.wushe.access.CurrentUser;
import org.wushe.access.Permissions;
import org.wushe.campaign.Campaign;
import org.wushe.campaign.Deadline;
import org.wushe.campaign.ProgressReports;
import org.wushe.campaign.ReportToDo;
import org.wushe.shared.HomeNotice;
import org.wushe.shared.HomeNotices;

/**
 * The campaign module's to-dos on the workbench: the campaigns running now, the unit's returned reports and missed
 * deadlines (urgent), its next deadline within a week (those within a day come as reminders), and for the levels
 * above, how many units below have not submitted against the last passed deadline.
 */
@Component
class ReportNotices implements HomeNotices {

	static final String CAMPAIGN = "campaign";

	private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final ProgressReports reports;

	private final Clock clock;

	ReportNotices(ProgressReports reports, Clock clock) {
		this.reports = reports;
		this.clock = clock;
	}

	@Override
	public List<HomeNotice> noticesFor(UserDetails user) {
		if (!(user instanceof CurrentUser current) || !current.can(Permissions.CAMPAIGN_VIEW)) {
			return List.of();
		}
		Instant now = Instant.now(clock);
		List<HomeNotice> notices = new ArrayList<>();
		for (ReportToDo t : reports.toDo(current.scope(), current.region(), current.can(Permissions.REPORT_SUBMIT),
				current.can(Permissions.REPORT_REVIEW))) {
			if (t.kind() == ReportToDo.Kind.DUE && !t.dueAt().isAfter(now.plus(Deadline.DAY_BEFORE))) {
				continue;
			}
			notices.add(new HomeNotice("report-" + t.kind().name().toLowerCase(java.util.Locale.ROOT),
					t.campaignId(), t.kind().messageKey(),
					List.of(t.campaignName(), t.deadlineNumber(), MINUTE.format(t.dueAtLocal()), t.count()), t.href(),
					t.kind() != ReportToDo.Kind.DUE));
		}
		for (Campaign c : reports.current(current.scope(), LocalDate.ofInstant(now, Deadline.ZONE))) {
			notices.add(new HomeNotice(CAMPAIGN, c.id(), "campaign.todo.current",
					List.of(c.name(), c.startDate().toString(), c.endDate().toString()), "/campaigns/" + c.id(),
					false));
		}
		return notices;
	}


}
