package org.wushe.stats;

import java.time.LocalDate;
import java.util.List;

import org.wushe.activity.ActivityTotals;
import org.wushe.actor.ActorFigures;
import org.wushe.care.CareFigures;
import org.wushe.region.Region;
import org.wushe.site.Coverage;
import org.wushe.volunteering.VolunteeringFigures;

/**
 * Every figure of one region's dashboard for one period, as of the moment it was read.
 *
 * @param path the region's ancestors within the viewer's scope, and the region itself (breadcrumbs)
 * @param network the three-tier sites and their coverage now (not bound to the period)
 * @param registries organizations, workers and volunteers registered now (not bound to the period)
 * @param care people served, visits and cases of the period (persons and cases as of now)
 * @param previous the same figures for the same dates one year earlier
 * @param series activity figures per week or month across the period
 * @param children one row per child region, in code order
 * @param volunteering service hours and volunteers of the period; projects, certificates and time-bank hours now
 */
public record Dashboard(Region region, List<Region> path, LocalDate from, LocalDate to, Long campaignId,
		Granularity granularity, Coverage network, ActorFigures.Counts registries, ActivityTotals activities,
		ActivityTotals previous, List<Point> series, List<ChildRow> children, CareFigures.Counts care,
		VolunteeringFigures.Figures volunteering) {

	/** Activity figures of one bucket of the time series. */
	public record Point(LocalDate start, ActivityTotals totals) {
	}

	/** One child region in the comparison table. */
	public record ChildRow(Region region, Coverage network, ActivityTotals activities) {
	}

}
