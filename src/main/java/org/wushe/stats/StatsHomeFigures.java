package org.wushe.stats;

import java.time.Clock;
import java.util.Collection;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionScope;
import org.wushe.shared.HomeFigure;
import org.wushe.shared.HomeFigures;

/**
 * The region's key figures on the workbench, for users who may see the dashboard: this year's activities and
 * beneficiaries, operating stations, registered volunteers and social workers. Read from the kept counts and cached
 * with the dashboards, so they are exact as of the last change.
 */
@Component
@RequiredArgsConstructor
class StatsHomeFigures implements HomeFigures {

	static final String STATS_VIEW = "stats:view";

	private final DashboardService dashboards;

	private final Clock clock;

	@Override
	public List<HomeFigure> figuresFor(String regionCode, Collection<String> authorities) {
		if (regionCode == null || !authorities.contains(STATS_VIEW)) {
			return List.of();
		}
		RegionScope scope = new RegionScope(RegionCode.parse(regionCode));
		DashboardRequest year = DashboardRequest.read(null, null, null, null, null, scope, clock);
		DashboardService.KeyFigures f = dashboards.keyFigures(scope, year.from(), year.to());
		String stats = "/stats";
		return List.of(new HomeFigure("home.figure.activities", f.activities().activities(), stats),
				new HomeFigure("home.figure.beneficiaries", f.activities().beneficiaries(), stats),
				new HomeFigure("home.figure.stations", f.network().stations(), "/sites/coverage"),
				new HomeFigure("home.figure.workers", f.registries().workers(), "/workers"),
				new HomeFigure("home.figure.volunteers", f.registries().volunteers(), "/volunteers"));
	}

}
