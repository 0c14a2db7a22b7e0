package org.wushe.stats;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.wushe.activity.ActivityRollup;
import org.wushe.activity.ActivityTotals;
import org.wushe.actor.ActorFigures;
import org.wushe.care.CareFigures;
import org.wushe.region.Region;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionScope;
import org.wushe.region.Regions;
import org.wushe.shared.BusinessException;
import org.wushe.site.Coverage;
import org.wushe.site.SiteService;
import org.wushe.volunteering.VolunteeringFigures;

/**
 * The stats module's public API: the dashboard of any region in scope for any period, assembled from the figures the
 * other modules keep exact. A region outside the scope answers 404 as if it did not exist.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class DashboardService {

	private final Regions regions;

	private final ActivityRollup activities;

	private final SiteService sites;

	private final ActorFigures actors;

	private final DashboardCache cache;

	private final CareFigures care;

	private final VolunteeringFigures volunteering;

	private final java.time.Clock clock;

	/**
	 * The dashboard of {@code code}, exact as of this call. The scope check comes first, every time; within the scope
	 * the figures do not depend on who asks, so an answer computed at the current figure version is reused.
	 */
	public Dashboard dashboard(RegionScope scope, RegionCode code, LocalDate from, LocalDate to, Long campaignId,
			Granularity granularity) {
		checkScope(scope, code);
		Dashboard d = cache.get(key(scope, code, from, to, campaignId, granularity),
				() -> compute(scope, code, from, to, campaignId, granularity));
		// breadcrumbs stop at the viewer's own region
		return d.path().stream().allMatch(r -> scope.covers(r.code())) ? d
				: new Dashboard(d.region(), d.path().stream().filter(r -> scope.covers(r.code())).toList(), d.from(),
						d.to(), d.campaignId(), d.granularity(), d.network(), d.registries(), d.activities(), d.previous(),
						d.series(), d.children(), d.care(), d.volunteering());
	}

	/**
	 * What {@code derive} makes of the dashboard of {@code code} (e.g. the rendered page body in one language),
	 * reused exactly as long as the dashboard itself: while the figure version is unchanged. {@code derive} must
	 * depend on nothing but the dashboard and {@code variant}. The scope check comes first, every time.
	 */
	<T> T derived(RegionScope scope, RegionCode code, LocalDate from, LocalDate to, Long campaignId,
			Granularity granularity, Object variant, Function<Dashboard, T> derive) {
		checkScope(scope, code);
		return cache.get(
				new DashboardCache.DerivedKey(key(scope, code, from, to, campaignId, granularity),
						scope.root().value(), variant),
				() -> derive.apply(dashboard(scope, code, from, to, campaignId, granularity)));
	}

	/** The few figures of the workbench: activities of the period, the sites' network and the registries now. */
	public record KeyFigures(ActivityTotals activities, Coverage network, ActorFigures.Counts registries) {
	}

	/**
	 * The key figures of the scope's own region for the period, from the three kept counts alone (no series, no child
	 * comparison), cached with the dashboards: recomputed only after a change of the figures.
	 */
	public KeyFigures keyFigures(RegionScope scope, LocalDate from, LocalDate to) {
		RegionCode code = scope.root();
		DashboardCache.Key key = key(scope, code, from, to, null, Granularity.MONTH);
		return cache.get(new DashboardCache.DerivedKey(key, code.value(), KeyFigures.class),
				() -> new KeyFigures(activities.totals(scope, code, from, to, null), sites.coverage(code, scope),
						actors.counts(code)));
	}

	private static void checkScope(RegionScope scope, RegionCode code) {
		if (!scope.covers(code)) {
			throw BusinessException.notFound("region.error.unknown", code.value());
		}
	}

	/** Figures of a region in scope do not depend on who asks, except for campaign visibility. */
	private static DashboardCache.Key key(RegionScope scope, RegionCode code, LocalDate from, LocalDate to,
			Long campaignId, Granularity granularity) {
		return new DashboardCache.Key(campaignId == null ? "" : scope.root().value(), code.value(), from, to,
				campaignId, granularity);
	}

	private Dashboard compute(RegionScope scope, RegionCode code, LocalDate from, LocalDate to, Long campaignId,
			Granularity granularity) {
		Region region = regions.get(code);
		List<Region> path = regions.path(code);
		ActivityTotals totals = activities.totals(scope, code, from, to, campaignId);
		ActivityTotals previous = activities.totals(scope, code, from.minusYears(1), to.minusYears(1), campaignId);
		List<Dashboard.Point> series = series(activities.daily(scope, code, from, to, campaignId), from, to,
				granularity);
		Map<String, Coverage> childNetwork = new HashMap<>();
		for (Coverage c : sites.childCoverage(code, scope)) {
			childNetwork.put(c.regionCode(), c);
		}
		List<Dashboard.ChildRow> children = new ArrayList<>();
		for (Map.Entry<Region, ActivityTotals> e : activities.byChild(scope, code, from, to, campaignId).entrySet()) {
			children.add(new Dashboard.ChildRow(e.getKey(), childNetwork.get(e.getKey().code().value()), e.getValue()));
		}
		return new Dashboard(region, path, from, to, campaignId, granularity, sites.coverage(code, scope),
				actors.counts(code), totals, previous, series, children,
				care.counts(code, from, to, LocalDate.now(clock)), volunteering.figures(code, from, to));
	}

	/** Buckets daily figures into weeks or months, with empty buckets kept so that the axis is continuous. */
	static List<Dashboard.Point> series(TreeMap<LocalDate, ActivityTotals> daily, LocalDate from, LocalDate to,
			Granularity granularity) {
		TreeMap<LocalDate, ActivityTotals> buckets = new TreeMap<>();
		for (LocalDate b = granularity.bucketOf(from); !b.isAfter(to); b = granularity.next(b)) {
			buckets.put(b, ActivityTotals.NONE);
		}
		daily.forEach((day, t) -> buckets.merge(granularity.bucketOf(day), t, ActivityTotals::plus));
		return buckets.entrySet().stream().map(e -> new Dashboard.Point(e.getKey(), e.getValue())).toList();
	}

}
