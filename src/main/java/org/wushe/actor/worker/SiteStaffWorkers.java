package org.wushe.actor.worker;

import org.springframework.stereotype.Component;
import org.wushe.region.RegionScope;
import org.wushe.site.StaffWorkers;

/** Answers the site module which workers its staff may be linked to: those registered within the caller's scope. */
@Component
class SiteStaffWorkers implements StaffWorkers {

	private final SocialWorkerService workers;

	SiteStaffWorkers(SocialWorkerService workers) {
		this.workers = workers;
	}

	@Override
	public boolean isKnown(long workerId, RegionScope scope) {
		return workers.find(scope, workerId).isPresent();
	}

}
