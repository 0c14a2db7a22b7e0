package org.wushe.activity;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.wushe.campaign.CampaignService;
import org.wushe.region.Region;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionScope;
import org.wushe.region.Regions;
import org.wushe.shared.BusinessException;
import org.wushe.shared.FieldError;
import org.wushe.shared.InvalidInputException;

/**
 * The activity module's public API for figures: totals of activity records for any region at any level and any
 * period, optionally for one campaign (with its local campaigns). Answers come from the summary rows that every write
 * keeps exact in its own transaction, so they include everything committed, at a cost that does not grow with the
 * number of records: whole months of a period read month rows, the days at either end read day rows, all by
 * primary-key range of one region.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ActivityRollup {

	/** The longest period one question may cover. */
	static final long MAX_DAYS = 3_660;

	/** The sum of every counted column, named as the column. */
	private static final String SUMS = Stream
		.of("activities", "participants", "beneficiaries", "funds_yuan", "materials_yuan", "elderly_activities",
				"elderly_beneficiaries", "disabled_activities", "disabled_beneficiaries", "women_activities",
				"women_beneficiaries", "children_activities", "children_beneficiaries", "needy_activities",
				"needy_beneficiaries", "other_activities", "other_beneficiaries")
		.map(column -> "COALESCE(SUM(" + column + "), 0) AS " + column)
		.collect(Collectors.joining(", "));

	private static final String PERIOD = """
			((grain = 'M' AND period_start >= :m1 AND period_start < :m2)
			  OR (grain = 'D' AND period_start >= :d1 AND period_start < :d2)
			  OR (grain = 'D' AND period_start >= :d3 AND period_start <= :d4))
			  AND (:all = TRUE OR campaign_id IN (:campaigns))""";

	private final JdbcClient jdbc;

	private final CampaignService campaigns;

	private final Regions regions;

	/**
	 * Totals for the subtree of {@code region} over the days {@code from}–{@code to} (inclusive, by start date).
	 *
	 * @param campaignId a campaign the scope can see, or {@code null} for all activity records
	 */
	public ActivityTotals totals(RegionScope scope, RegionCode region, LocalDate from, LocalDate to,
			Long campaignId) {
		checkRegion(scope, region);
		return totals(region, checkPeriod(from, to), campaignFilter(scope, campaignId));
	}

	/** Totals of each child region of {@code region} over the period, in code order. */
	public Map<Region, ActivityTotals> byChild(RegionScope scope, RegionCode region, LocalDate from, LocalDate to,
			Long campaignId) {
		checkRegion(scope, region);
		Period p = checkPeriod(from, to);
		List<Long> filter = campaignFilter(scope, campaignId);
		List<Region> children = regions.children(region);
		Map<String, ActivityTotals> found = new java.util.HashMap<>();
		if (!children.isEmpty()) {
			jdbc.sql("SELECT region_code, " + SUMS + " FROM activity_rollup WHERE region_code IN (:codes) AND "
					+ PERIOD + " GROUP BY region_code")
				.params(p.params(filter))
				.param("codes", children.stream().map(r -> r.code().value()).toList())
				.query((rs, n) -> found.put(rs.getString("region_code"), map(rs, n)))
				.list();
		}
		Map<Region, ActivityTotals> result = new LinkedHashMap<>();
		for (Region child : children) {
			result.put(child, found.getOrDefault(child.code().value(), ActivityTotals.NONE));
		}
		return result;
	}

	/** Totals per day over the period (days without records are left out); weeks and months derive from these. */
	public TreeMap<LocalDate, ActivityTotals> daily(RegionScope scope, RegionCode region, LocalDate from,
			LocalDate to, Long campaignId) {
		checkRegion(scope, region);
		checkPeriod(from, to);
		List<Long> filter = campaignFilter(scope, campaignId);
		TreeMap<LocalDate, ActivityTotals> result = new TreeMap<>();
		jdbc.sql("SELECT period_start, " + SUMS + """
				 FROM activity_rollup
				WHERE region_code = :region AND grain = 'D' AND period_start >= :from AND period_start <= :to
				  AND (:all = TRUE OR campaign_id IN (:campaigns))
				GROUP BY period_start
				""")
			.param("region", region.value())
			.param("from", from)
			.param("to", to)
			.param("all", filter == null)
			.param("campaigns", filter == null ? List.of(-1L) : filter)
			.query((rs, n) -> result.put(rs.getObject("period_start", LocalDate.class), map(rs, n)))
			.list();
		return result;
	}

	/** Totals without scope checks, for this module's own use. */
	ActivityTotals totals(RegionCode region, Period period, List<Long> campaignFilter) {
		return jdbc.sql("SELECT " + SUMS + " FROM activity_rollup WHERE region_code = :region AND " + PERIOD)
			.params(period.params(campaignFilter))
			.param("region", region.value())
			.query(ActivityRollup::map)
			.single();
	}

	private static void checkRegion(RegionScope scope, RegionCode region) {
		if (!scope.covers(region)) {
			throw BusinessException.notFound("region.error.unknown", region.value());
		}
	}

	private List<Long> campaignFilter(RegionScope scope, Long campaignId) {
		if (campaignId == null) {
			return null;
		}
		campaigns.get(scope, campaignId);
		return campaigns.family(campaignId);
	}

	static Period checkPeriod(LocalDate from, LocalDate to) {
		if (from == null || to == null) {
			throw InvalidInputException.of(from == null ? "from" : "to", "activity.error.required");
		}
		if (to.isBefore(from)) {
			throw InvalidInputException.of("to", "activity.error.period-reversed");
		}
		if (ChronoUnit.DAYS.between(from, to) > MAX_DAYS) {
			throw new InvalidInputException(List.of(new FieldError("to", "activity.error.period-too-long", MAX_DAYS)));
		}
		return Period.of(from, to);
	}

	/**
	 * A period split into whole months [{@code m1}, {@code m2}) and the loose days before ([{@code d1},
	 * {@code d2})) and after ([{@code d3}, {@code d4}]).
	 */
	record Period(LocalDate m1, LocalDate m2, LocalDate d1, LocalDate d2, LocalDate d3, LocalDate d4) {

		static Period of(LocalDate from, LocalDate to) {
			LocalDate firstWhole = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
			LocalDate afterWhole = to.plusDays(1).getDayOfMonth() == 1 ? to.plusDays(1) : to.withDayOfMonth(1);
			if (firstWhole.isBefore(afterWhole)) {
				// days from..firstWhole-1, months firstWhole..afterWhole-1, days afterWhole..to
				return new Period(firstWhole, afterWhole, from, firstWhole, afterWhole, to);
			}
			// no whole month: all days, and an empty month range
			return new Period(from, from, from, to.plusDays(1), to.plusDays(1), to);
		}

		Map<String, Object> params(List<Long> campaignFilter) {
			return Map.of("m1", m1, "m2", m2, "d1", d1, "d2", d2, "d3", d3, "d4", d4, "all", campaignFilter == null,
					"campaigns", campaignFilter == null ? List.of(-1L) : campaignFilter);
		}

	}

	static ActivityTotals map(ResultSet rs, int n) throws SQLException {
		Map<ServiceDomain, DomainTotals> domains = new EnumMap<>(ServiceDomain.class);
		for (ServiceDomain d : ServiceDomain.values()) {
			String prefix = d.name().toLowerCase(java.util.Locale.ROOT);
			domains.put(d, new DomainTotals(rs.getLong(prefix + "_activities"), rs.getLong(prefix + "_beneficiaries")));
		}
		return new ActivityTotals(rs.getLong("activities"), rs.getLong("participants"), rs.getLong("beneficiaries"),
				money(rs.getBigDecimal("funds_yuan")), money(rs.getBigDecimal("materials_yuan")), domains);
	}

	private static BigDecimal money(BigDecimal b) {
		return (b == null ? BigDecimal.ZERO : b).setScale(2, java.math.RoundingMode.UNNECESSARY);
	}

}
