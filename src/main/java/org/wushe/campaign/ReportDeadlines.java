package org.wushe.campaign;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionLevel;
import org.wushe.region.RegionScope;

/**
 * The campaign module's public API for deadline reminders across the whole deployment (no user scope: it serves the
 * scheduled reminder job). For every campaign running today it lists, per reporting deadline (附件1 progress table):
 * the units that have not submitted against a deadline due within the coming {@code ahead}
 * ({@link ReportToDo.Kind#DUE}), the units that have not submitted against a passed deadline
 * ({@link ReportToDo.Kind#OVERDUE}), and, for the last passed deadline, each region one level above the units with
 * how many of its units are behind ({@link ReportToDo.Kind#BEHIND}). Computed from the deadline instants, the first
 * submissions and the clock.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ReportDeadlines {

	private static final int PAGE = 500;

	private final JdbcClient jdbc;

	private final CampaignService campaigns;

	private final Clock clock;

	/** What the reminders are about now; {@code ahead} is how far ahead a deadline counts as due. */
	public List<ReportToDo> pending(Duration ahead) {
		Instant now = Instant.now(clock);
		LocalDate today = LocalDate.ofInstant(now, Deadline.ZONE);
		List<ReportToDo> pending = new ArrayList<>();
		RegionScope everything = new RegionScope(RegionCode.COUNTRY);
		for (int offset = 0;; offset += PAGE) {
			List<Campaign> page = campaigns.list(everything, offset, PAGE);
			for (Campaign c : page) {
				if (c.isCurrentOn(today)) {
					pending(c, now, ahead, pending);
				}
			}
			if (page.size() < PAGE) {
				return pending;
			}
		}
	}

	private void pending(Campaign c, Instant now, Duration ahead, List<ReportToDo> out) {
		Deadline last = null;
		for (Deadline d : c.deadlines()) {
			if (d.hasPassed(now)) {
				last = d;
				for (String unit : missing(c, d)) {
					out.add(item(ReportToDo.Kind.OVERDUE, c, d, unit, 1));
				}
			}
			else if (!d.dueAt().isAfter(now.plus(ahead))) {
				for (String unit : missing(c, d)) {
					out.add(item(ReportToDo.Kind.DUE, c, d, unit, 1));
				}
			}
		}
		if (last != null && c.reportingLevel().isBelow(c.region().level())) {
			RegionLevel above = RegionLevel.ofNumber(c.reportingLevel().number() - 1);
			Map<String, Long> behind = new TreeMap<>();
			for (String unit : missing(c, last)) {
				behind.merge(new RegionCode(unit).ancestorAt(above).value(), 1L, Long::sum);
			}
			Deadline d = last;
			behind.forEach((region, count) -> out.add(item(ReportToDo.Kind.BEHIND, c, d, region, count)));
		}
	}

	/** The campaign's reporting units that have not submitted against the deadline, in code order. */
	private List<String> missing(Campaign c, Deadline d) {
		return jdbc.sql("""
				SELECT r.code FROM region r
				WHERE r.level = :level AND r.code >= :from AND r.code < :to
				  AND NOT EXISTS (SELECT 1 FROM progress_report p
				                  WHERE p.campaign_id = :c AND p.deadline_no = :n AND p.unit_code = r.code
				                    AND p.first_submitted_at IS NOT NULL)
				ORDER BY r.code
				""")
			.param("level", c.reportingLevel().number())
			.param("from", c.region().subtreeFrom())
			.param("to", c.region().subtreeTo())
			.param("c", c.id())
			.param("n", d.number())
			.query(String.class)
			.list();
	}

	private static ReportToDo item(ReportToDo.Kind kind, Campaign c, Deadline d, String region, long count) {
		return new ReportToDo(kind, c.id(), c.name(), d.number(), d.dueAt(), region, count);
	}

}
