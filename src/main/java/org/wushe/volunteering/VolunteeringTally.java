package org.wushe.volunteering;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.wushe.region.RegionCode;
import org.wushe.shared.FiguresChanged;
import org.wushe.shared.tally.CounterTable;

/**
 * Volunteering figures per region subtree ({@code volunteering_tally}), changed in the same transaction as the writes
 * that change them: every change counts on its region and on each ancestor up to the country. The changes of one
 * transaction are summed in memory and applied just before it commits, in key order (a {@link CounterTable}), so
 * concurrent writers never deadlock over the shared upper levels and hold their locks only for the commit.
 */
@Component
class VolunteeringTally {

	/** What a counter counts. */
	enum Figure {
		/** Confirmed service minutes, net of reversals, by the day the service started. */
		MINUTES,
		/** Service projects. */
		PROJECTS,
		/** Certificates issued and not revoked. */
		CERTIFICATES,
		/** The balance of the time-bank accounts held in the region. */
		TIMEBANK
	}

	/** Before the dashboard's figure version moves (ordered last). */
	static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 1000;

	private final CounterTable counters;

	private final ApplicationEventPublisher events;

	VolunteeringTally(JdbcTemplate jdbc, PlatformTransactionManager transactions, ApplicationEventPublisher events) {
		this.events = events;
		this.counters = new CounterTable("volunteering_tally", "amount", List.of("region_code", "figure", "day_key"),
				jdbc, transactions);
	}

	/** Adds {@code delta} to an undated figure of {@code region} and its ancestors. */
	void add(Figure figure, String region, long delta) {
		add(figure, region, "", delta);
	}

	/** Adds {@code delta} to a figure of {@code day} on {@code region} and its ancestors. */
	void add(Figure figure, String region, LocalDate day, long delta) {
		add(figure, region, day.toString(), delta);
	}

	private void add(Figure figure, String region, String day, long delta) {
		if (delta == 0) {
			return;
		}
		Map<CounterTable.Key, Long> deltas = new HashMap<>();
		for (RegionCode a : RegionCode.parse(region).path()) {
			deltas.put(CounterTable.Key.of(a.value(), figure.name(), day), delta);
		}
		counters.applyAtCommit(deltas, ORDER);
		events.publishEvent(new FiguresChanged(FiguresChanged.Area.VOLUNTEERING));
	}

}
