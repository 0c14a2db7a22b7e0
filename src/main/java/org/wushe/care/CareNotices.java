package org.wushe.care;

import java.util.ArrayList;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;
import org.wushe.access.CurrentUser;
import org.wushe.access.Permissions;
import org.wushe.region.RegionLevel;
import org.wushe.shared.HomeNotice;
import org.wushe.shared.HomeNotices;

/**
 * The care module's part of the home page: visits with an urgent follow-up no case has taken up yet, shown to the
 * station (township and village accounts) and the county whose subtree holds the person; then, for a worker, the
 * overdue tasks of the cases the worker took in or accepted.
 */
@Component
@RequiredArgsConstructor
class CareNotices implements HomeNotices {

	static final String URGENT = "care-urgent";

	static final String OVERDUE = "care-overdue";

	private final Visits visits;

	private final Caseloads caseloads;

	@Override
	public List<HomeNotice> noticesFor(UserDetails user) {
		if (!(user instanceof CurrentUser current) || !current.can(Permissions.CARE_VIEW)) {
			return List.of();
		}
		List<HomeNotice> notices = new ArrayList<>();
		if (current.region().level().number() >= RegionLevel.COUNTY.number()) {
			visits.alerts(current.scope(), 20)
				.forEach(a -> notices.add(new HomeNotice(URGENT, a.personId(), "care.notice.urgent",
						List.of(a.personName(), a.date().toString()), "/care/persons/" + a.personId(), true)));
		}
		if (current.can(Permissions.CARE_RECORD)) {
			caseloads.overdue(current, current.scope(), Caseloads.View.MINE, 20)
				.forEach(t -> notices.add(new HomeNotice(OVERDUE, t.caseId(), t.task().messageKey(),
						List.of(t.personName(), t.dueOn().toString(), t.daysOverdue()), "/care/cases/" + t.caseId(),
						false)));
		}
		return notices;
	}

}
