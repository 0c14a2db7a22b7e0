package org.wushe.stats;

import java.time.Clock;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wushe.region.RegionScope;
import org.wushe.shared.Texts;

/** {@code GET /api/stats/dashboard}: every figure of a region's dashboard, exact as of the request. */
@RestController
@PreAuthorize("hasAuthority('stats:view')")
class DashboardApi {

	private final DashboardService dashboards;

	private final Texts texts;

	private final Clock clock;

	DashboardApi(DashboardService dashboards, Texts texts, Clock clock) {
		this.dashboards = dashboards;
		this.texts = texts;
		this.clock = clock;
	}

	@GetMapping("/api/stats/dashboard")
	DashboardJson dashboard(@RequestParam(required = false) String region, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) Long campaign,
			@RequestParam(required = false) String granularity, RegionScope scope) {
		DashboardRequest r = DashboardRequest.read(region, from, to, campaign, granularity, scope, clock);
		return DashboardJson.of(dashboards.dashboard(scope, r.region(), r.from(), r.to(), r.campaign(),
				r.granularity()), texts);
	}

}
