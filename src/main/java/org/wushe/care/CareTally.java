package org.wushe.care;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionLevel;
import org.wushe.shared.FiguresChanged;
import org.wushe.shared.tally.BeforeCommit;
import org.wushe.shared.tally.CalendarPeriods;
import org.wushe.shared.tally.CounterTable;

/**
 * The care counters, changed in the transaction of every write: {@code care_tally} (persons, per category, open and
 * closed cases), {@code care_daily} and {@code care_monthly} (visits and referrals per day and per month),
 * {@code care_due} (persons per next due date) and {@code care_served_count} (distinct persons served per calendar
 * period, decided by {@link ServedMarks}). Every change counts on the region and on each ancestor up to the country.
 * The changes of one transaction are summed in memory and applied just before it commits, in key order, on the
 * transaction's own connection.
 * <p>
 * The rows of the country, the provinces and the prefectures are striped: each transaction adds to one stripe out of
 * {@code wushe.care.counter-stripes} (successive transactions take successive stripes), so concurrent writers of the
 * same day rarely queue on the same row; readers sum the stripes.
 */
@Component
class CareTally {

	static final String PERSONS = "PERSONS";

	static final String OPEN_CASES = "OPEN_CASES";

	static final String CLOSED_CASES = "CLOSED_CASES";

	static final String VISITS = "VISITS";

	static final String REFERRALS = "REFERRALS";

	static String category(String code) {
		return "CATEGORY:" + code;
	}

	private static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 1000;

	private final CounterTable tally;

	private final CounterTable daily;

	private final CounterTable monthly;

	private final CounterTable due;

	private final CounterTable served;

	private final ApplicationEventPublisher events;

	private final int stripes;

	private final AtomicInteger nextStripe = new AtomicInteger();

	CareTally(JdbcTemplate jdbc, ApplicationEventPublisher events,
			@Value("${wushe.care.counter-stripes:16}") int stripes) {
		this.events = events;
		this.stripes = Math.max(1, stripes);
		this.tally = new CounterTable("care_tally", "entries", List.of("region_code", "metric", "stripe"), jdbc);
		this.daily = new CounterTable("care_daily", "entries", List.of("region_code", "metric", "day_on", "stripe"),
				jdbc);
		this.monthly = new CounterTable("care_monthly", "entries",
				List.of("region_code", "metric", "month_on", "stripe"), jdbc);
		this.due = new CounterTable("care_due", "persons", List.of("region_code", "due_on", "stripe"), jdbc);
		this.served = new CounterTable("care_served_count", "persons", List.of("region_code", "period_key", "stripe"),
				jdbc);
	}

	private record Pending(int stripe, Map<CounterTable.Key, Long> tally, Map<CounterTable.Key, Long> daily,
			Map<CounterTable.Key, Long> monthly, Map<CounterTable.Key, Long> due, Map<CounterTable.Key, Long> served) {

		Pending(int stripe) {
			this(stripe, new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>());
		}

		int stripeOf(RegionCode region) {
			return region.level().isBelow(RegionLevel.PREFECTURE) ? 0 : stripe;
		}

	}

	void count(String regionCode, String metric, long delta) {
		Pending p = pending();
		for (RegionCode a : RegionCode.parse(regionCode).path()) {
			p.tally.merge(CounterTable.Key.of(a.value(), metric, p.stripeOf(a)), delta, Long::sum);
		}
		flushOutsideTransaction(p);
	}

	void daily(String regionCode, String metric, LocalDate day, long delta) {
		Pending p = pending();
		for (RegionCode a : RegionCode.parse(regionCode).path()) {
			p.daily.merge(CounterTable.Key.of(a.value(), metric, day.toString(), p.stripeOf(a)), delta, Long::sum);
			p.monthly.merge(CounterTable.Key.of(a.value(), metric, CalendarPeriods.month(day), p.stripeOf(a)), delta,
					Long::sum);
		}
		flushOutsideTransaction(p);
	}

	void due(String regionCode, LocalDate dueOn, long delta) {
		Pending p = pending();
		for (RegionCode a : RegionCode.parse(regionCode).path()) {
			p.due.merge(CounterTable.Key.of(a.value(), dueOn.toString(), p.stripeOf(a)), delta, Long::sum);
		}
		flushOutsideTransaction(p);
	}

	/** One more distinct person served in {@code period} on {@code region} itself (not its ancestors). */
	void served(RegionCode region, String period, long delta) {
		Pending p = pending();
		p.served.merge(CounterTable.Key.of(region.value(), period, p.stripeOf(region)), delta, Long::sum);
		flushOutsideTransaction(p);
	}

	private Pending pending() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return new Pending(nextStripe());
		}
		Pending p = (Pending) TransactionSynchronizationManager.getResource(this);
		if (p == null) {
			Pending fresh = new Pending(nextStripe());
			TransactionSynchronizationManager.bindResource(this, fresh);
			TransactionSynchronizationManager.registerSynchronization(new BeforeCommit(ORDER, () -> apply(fresh)) {
				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(CareTally.this);
				}
			});
			p = fresh;
		}
		return p;
	}

	private int nextStripe() {
		return Math.floorMod(nextStripe.getAndIncrement(), stripes);
	}

	private void flushOutsideTransaction(Pending p) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			apply(p);
		}
		events.publishEvent(new FiguresChanged(FiguresChanged.Area.CARE));
	}

	private void apply(Pending p) {
		tally.apply(p.tally);
		daily.apply(p.daily);
		monthly.apply(p.monthly);
		due.apply(p.due);
		served.apply(p.served);
	}

}
