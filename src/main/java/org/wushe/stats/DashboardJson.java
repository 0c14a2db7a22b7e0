package org.wushe.stats;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.wushe.activity.ActivityTotals;
import org.wushe.activity.DomainTotals;
import org.wushe.activity.ServiceDomain;
import org.wushe.actor.ActorFigures;
import org.wushe.care.CareFigures;
import org.wushe.region.Region;
import org.wushe.shared.Texts;
import org.wushe.site.Coverage;
import org.wushe.volunteering.VolunteeringFigures;

/** The dashboard as JSON: what the page's charts draw and what scripts read. Labels are in the user's language. */
record DashboardJson(RegionJson region, List<RegionJson> path, LocalDate from, LocalDate to, Long campaign,
		String granularity, Network network, ActorFigures.Counts registries, Figures activities, Figures previous,
		List<PointJson> series, List<ChildJson> children, CareFigures.Counts care,
		VolunteeringFigures.Figures volunteering) {

	/** Operating sites per tier and the coverage fractions 0..1 ({@code null} where the subtree has no such level). */
	record Network(long centres, long stations, long rooms, Double countyCoverage, Double townshipCoverage,
			Double villageCoverage) {
		static Network of(Coverage c) {
			return c == null ? null : new Network(c.centres(), c.stations(), c.rooms(), c.countyCoverage(),
					c.townshipCoverage(), c.villageCoverage());
		}
	}

	record RegionJson(String code, String name, int level) {
		static RegionJson of(Region r) {
			return new RegionJson(r.code().value(), r.name(), r.level().number());
		}
	}

	record DomainJson(String label, long activities, long beneficiaries) {
	}

	record Figures(long activities, long participants, long beneficiaries, BigDecimal fundsYuan,
			BigDecimal materialsYuan, Map<String, DomainJson> byDomain) {

		static Figures of(ActivityTotals t, Texts texts) {
			Map<String, DomainJson> domains = new LinkedHashMap<>();
			for (ServiceDomain d : ServiceDomain.values()) {
				DomainTotals dt = t.byDomain().get(d);
				domains.put(d.name(), new DomainJson(texts.get(d.messageKey()), dt.activities(), dt.beneficiaries()));
			}
			return new Figures(t.activities(), t.participants(), t.beneficiaries(), t.fundsYuan(), t.materialsYuan(),
					domains);
		}

	}

	record PointJson(LocalDate start, long activities, long participants, long beneficiaries, BigDecimal fundsYuan,
			BigDecimal materialsYuan) {
	}

	record ChildJson(String code, String name, int level, Network network, long activities, long participants,
			long beneficiaries, BigDecimal fundsYuan, BigDecimal materialsYuan) {
	}

	static DashboardJson of(Dashboard d, Texts texts) {
		return new DashboardJson(RegionJson.of(d.region()), d.path().stream().map(RegionJson::of).toList(), d.from(),
				d.to(), d.campaignId(), d.granularity().name().toLowerCase(java.util.Locale.ROOT),
				Network.of(d.network()), d.registries(), Figures.of(d.activities(), texts), Figures.of(d.previous(), texts),
				d.series()
					.stream()
					.map(p -> new PointJson(p.start(), p.totals().activities(), p.totals().participants(),
							p.totals().beneficiaries(), p.totals().fundsYuan(), p.totals().materialsYuan()))
					.toList(),
				d.children()
					.stream()
					.map(c -> new ChildJson(c.region().code().value(), c.region().name(), c.region().level().number(),
							Network.of(c.network()), c.activities().activities(), c.activities().participants(),
							c.activities().beneficiaries(), c.activities().fundsYuan(),
							c.activities().materialsYuan()))
					.toList(),
				d.care(), d.volunteering());
	}

}
