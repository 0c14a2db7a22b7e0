package org.wushe.actor.worker;

import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.wushe.region.RegionScope;
import org.wushe.site.StaffWorkers;

/** Answers the site module which workers its staff may be linked to: those registered within the caller's scope. */
@Component
@RequiredArgsConstructor
class SiteStaffWorkers implements StaffWorkers {

	private final SocialWorkerService workers;

	@Override
	public boolean isKnown(long workerId, RegionScope scope) {
		return workers.find(scope, workerId).isPresent();
	}

}
