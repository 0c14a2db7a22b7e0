package org.wushe.campaign.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;
import org.wushe.access.CurrentUser;
import org.wushe.access.Permissions;
import org.wushe.campaign.Campaign;
import org.wushe.campaign.Completeness;
import org.wushe.campaign.Deadline;
import org.wushe.campaign.ProgressReports;
import org.wushe.campaign.ReportStatus;
import org.wushe.campaign.ReportToDo;
import org.wushe.shared.DateText;
import org.wushe.shared.HomeNotice;
import org.wushe.shared.HomeNotices;

/**
 * The campaign module's to-dos on the workbench: the campaigns running now, the unit's returned reports and missed
 * deadlines (urgent), its next deadline within a week (those within a day come as reminders), and for the levels
 * above, how many units below have not submitted against the last passed deadline.
 */
@Component
@RequiredArgsConstructor
class ReportNotices implements HomeNotices {

	static final String CAMPAIGN = "campaign";

	private static final DateTimeFormatter MINUTE = DateText.MINUTE;

	private final ProgressReports reports;

	private final Clock clock;

	private final MessageSource messages;

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
			notices.add(campaign(current, c, now));
		}
		return notices;
	}

	/**
	 * A campaign running now, with its next deadline and where the user's unit stands against it (or against the
	 * last one when none is left): its own report's status for a reporting unit, how many units below have submitted
	 * for a level above them.
	 */
	private HomeNotice campaign(CurrentUser user, Campaign c, Instant now) {
		Deadline next = null;
		Deadline last = null;
		for (Deadline d : c.deadlines()) {
			if (!d.hasPassed(now) && next == null) {
				next = d;
			}
			last = d;
		}
		Deadline shown = next != null ? next : last;
		String nextText = next == null ? text("campaign.todo.no-next") : MINUTE.format(next.local());
		String status = null;
		String href = "/campaigns/" + c.id();
		if (shown != null && c.isReportingUnit(user.region())) {
			ReportStatus s = reports.get(user.scope(), c.id(), shown.number(), user.region()).status();
			status = text("campaign.todo.own-status", text(s.messageKey()));
			href = href + "/reports/" + shown.number();
		}
		else if (shown != null && c.reportingLevel().isBelow(user.region().level())
				&& (c.region().contains(user.region()) || user.region().contains(c.region()))) {
			Completeness.Group all = reports.completeness(user.scope(), c.id(), shown.number(), user.region()).overall();
			status = text("campaign.todo.units-submitted", all.submitted(), all.total());
			href = href + "/completeness?deadline=" + shown.number();
		}
		List<Object> args = status == null
				? List.of(c.name(), c.startDate().toString(), c.endDate().toString(), nextText)
				: List.of(c.name(), c.startDate().toString(), c.endDate().toString(), nextText, status);
		return new HomeNotice(CAMPAIGN, c.id(),
				status == null ? "campaign.todo.current-next" : "campaign.todo.current-status", args, href, false);
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

}
