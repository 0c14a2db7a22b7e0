package org.wushe.stats;

import java.time.Clock;
import java.time.LocalDate;

import org.wushe.access.RegionFilter;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionScope;
import org.wushe.shared.DateText;
import org.wushe.shared.InvalidInputException;

/**
 * The query string of the dashboard page, its JSON and its export, read once: region (default: the user's own), the
 * period (default: this year up to today), an optional campaign and the series granularity (default: weeks for up to
 * three months, months beyond).
 */
record DashboardRequest(RegionCode region, LocalDate from, LocalDate to, Long campaign, Granularity granularity) {

	static DashboardRequest read(String region, String from, String to, Long campaign, String granularity,
			RegionScope scope, Clock clock) {
		RegionCode code = RegionFilter.read(scope, region, "region");
		LocalDate today = LocalDate.now(clock);
		LocalDate f = date("from", from, today.withDayOfYear(1));
		LocalDate t = date("to", to, today);
		if (t.isBefore(f)) {
			throw InvalidInputException.of("to", "stats.error.period-reversed");
		}
		Granularity g = Granularity.parse(granularity,
				f.plusMonths(3).isBefore(t) ? Granularity.MONTH : Granularity.WEEK);
		return new DashboardRequest(code, f, t, campaign, g);
	}

	private static LocalDate date(String field, String text, LocalDate fallback) {
		if (text == null || text.isBlank()) {
			return fallback;
		}
		try {
			return DateText.parse(text);
		}
		catch (DateText.NotADate ex) {
			throw InvalidInputException.of(field, "stats.error.date", text);
		}
	}

}
