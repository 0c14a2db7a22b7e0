package org.wushe.care;

import java.util.List;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;
import org.wushe.access.CurrentUser;
import org.wushe.access.Permissions;
import org.wushe.region.RegionLevel;
import org.wushe.shared.HomeNotice;
import org.wushe.shared.HomeNotices;

/**
 * The care module's part of the home page: visits with an urgent follow-up no case has taken up yet, shown to the
 * station (township and village accounts) and the county whose subtree holds the person.
 */
@Component
class UrgentNotices implements HomeNotices {

	static final String KIND = "care-urgent";

	private final Visits visits;

	UrgentNotices(Visits visits) {
		this.visits = visits;
	}

	@Override
	public List<HomeNotice> noticesFor(UserDetails user) {
		if (!(user instanceof CurrentUser current) || !current.can(Permissions.CARE_VIEW)
				|| current.region().level().number() < RegionLevel.COUNTY.number()) {
			return List.of();
		}
		return visits.alerts(current.scope(), 20)
			.stream()
			.map(a -> new HomeNotice(KIND, a.personId(), "care.notice.urgent",
					List.of(a.personName(), a.date().toString()), "/care/persons/" + a.personId(), true))
			.toList();
	}

}
