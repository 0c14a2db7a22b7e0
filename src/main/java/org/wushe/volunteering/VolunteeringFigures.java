package org.wushe.volunteering;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.wushe.region.RegionCode;
import org.wushe.shared.tally.CalendarPeriods;

/**
 * The volunteering module's public API for figures: confirmed service hours in a period, the volunteers who gave
 * them, projects, certificates in force and the hours held in the time bank, for any region's subtree. The counters
 * are kept exact in the writers' transactions ({@link VolunteeringTally}). The distinct active volunteers of a
 * calendar month, quarter or year (or one of them up to today) are counted on write too ({@link ActiveVolunteers}) and
 * read by key; over any other range of days they are counted from the records (one range scan of the region's index,
 * whose cost grows with the records in the range).
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class VolunteeringFigures {

	/**
	 * @param hours confirmed hours net of reversals in the period (one decimal)
	 * @param activeVolunteers volunteers with confirmed hours in the period
	 * @param projects service projects now
	 * @param certificates certificates issued and not revoked
	 * @param timeBankMinutes the minutes held in the region's time-bank accounts now
	 */
	public record Figures(BigDecimal hours, long activeVolunteers, long projects, long certificates,
			long timeBankMinutes) {

		public static final Figures NONE = new Figures(BigDecimal.ZERO.setScale(1), 0, 0, 0, 0);

	}

	private final JdbcClient jdbc;

	private final ActiveVolunteers activeVolunteers;

	private final Clock clock;

	/** The figures of the subtree of {@code region}, service days from {@code from} to {@code to} inclusive. */
	public Figures figures(RegionCode region, LocalDate from, LocalDate to) {
		long minutes = minutes(region, from, to);
		record Undated(String figure, long amount) {
		}
		long[] undated = new long[3];
		jdbc.sql("""
				SELECT figure, amount FROM volunteering_tally
				WHERE region_code = :region AND day_key = '' AND figure IN ('PROJECTS', 'CERTIFICATES', 'TIMEBANK')
				""").param("region", region.value()).query(Undated.class).list().forEach(u -> {
			switch (u.figure()) {
				case "PROJECTS" -> undated[0] = u.amount();
				case "CERTIFICATES" -> undated[1] = u.amount();
				default -> undated[2] = u.amount();
			}
		});
		String period = CalendarPeriods.of(from, to, LocalDate.now(clock));
		long active = period != null ? activeVolunteers.count(region, period) : distinctActive(region, from, to);
		return new Figures(BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 1, RoundingMode.HALF_UP), active,
				undated[0], undated[1], undated[2]);
	}

	/**
	 * The confirmed service minutes, net of reversals, of {@code region}'s subtree on the service days {@code from} to
	 * {@code to} inclusive: the sum of the region's day counters in the range (one range of the counters' key).
	 */
	public long minutes(RegionCode region, LocalDate from, LocalDate to) {
		return jdbc.sql("""
				SELECT COALESCE(SUM(amount), 0) FROM volunteering_tally
				WHERE region_code = :region AND figure = 'MINUTES' AND day_key >= :from AND day_key <= :to
				""")
			.param("region", region.value())
			.param("from", from.toString())
			.param("to", to.toString())
			.query(Long.class)
			.single();
	}

	/**
	 * The distinct volunteers with confirmed records in force in {@code region}'s subtree, service days {@code from} to
	 * {@code to}: COUNT(DISTINCT) over one range of the region's index, for a range that is no calendar period (and
	 * for checks).
	 */
	long distinctActive(RegionCode region, LocalDate from, LocalDate to) {
		return jdbc.sql("""
				SELECT COUNT(DISTINCT h.volunteer_id) FROM service_hours h
				WHERE h.region_code >= :rfrom AND h.region_code < :rto
				  AND h.started_at >= :from AND h.started_at < :to
				  AND h.status = 'CONFIRMED' AND h.reverses_id IS NULL
				  AND NOT EXISTS (SELECT 1 FROM service_hours r WHERE r.reverses_id = h.id)
				""")
			.param("rfrom", region.subtreeFrom())
			.param("rto", region.subtreeTo())
			.param("from", Timestamp.valueOf(from.atStartOfDay()))
			.param("to", Timestamp.valueOf(to.plusDays(1).atStartOfDay()))
			.query(Long.class)
			.single();
	}

}
