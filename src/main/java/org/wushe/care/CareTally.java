package org.wushe.care;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.wushe.region.RegionCode;
import org.wushe.shared.FiguresChanged;
import org.wushe.shared.tally.CounterTable;

/**
 * The care counters, changed in the transaction of every write: {@code care_tally} (persons, per category, open and
 * closed cases), {@code care_daily} (visits and referrals per day) and {@code care_due} (persons per next due date).
 * Every change counts on the region and on each ancestor up to the country. The changes of one transaction are summed
 * in memory and applied just before it commits, in key order.
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

	private final CounterTable due;

	private final ApplicationEventPublisher events;

	CareTally(JdbcTemplate jdbc, PlatformTransactionManager transactions, ApplicationEventPublisher events) {
		this.events = events;
		this.tally = new CounterTable("care_tally", "entries", List.of("region_code", "metric"), jdbc, transactions);
		this.daily = new CounterTable("care_daily", "entries", List.of("region_code", "metric", "day_on"), jdbc,
				transactions);
		this.due = new CounterTable("care_due", "persons", List.of("region_code", "due_on"), jdbc, transactions);
	}

	private record Pending(Map<CounterTable.Key, Long> tally, Map<CounterTable.Key, Long> daily,
			Map<CounterTable.Key, Long> due) {
	}

	void count(String regionCode, String metric, long delta) {
		Pending p = pending();
		for (RegionCode a : RegionCode.parse(regionCode).path()) {
			p.tally.merge(CounterTable.Key.of(a.value(), metric), delta, Long::sum);
		}
		flushOutsideTransaction(p);
	}

	void daily(String regionCode, String metric, LocalDate day, long delta) {
		Pending p = pending();
		for (RegionCode a : RegionCode.parse(regionCode).path()) {
			p.daily.merge(CounterTable.Key.of(a.value(), metric, day.toString()), delta, Long::sum);
		}
		flushOutsideTransaction(p);
	}

	void due(String regionCode, LocalDate dueOn, long delta) {
		Pending p = pending();
		for (RegionCode a : RegionCode.parse(regionCode).path()) {
			p.due.merge(CounterTable.Key.of(a.value(), dueOn.toString()), delta, Long::sum);
		}
		flushOutsideTransaction(p);
	}

	private Pending pending() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return new Pending(new HashMap<>(), new HashMap<>(), new HashMap<>());
		}
		Pending p = (Pending) TransactionSynchronizationManager.getResource(this);
		if (p == null) {
			Pending fresh = new Pending(new HashMap<>(), new HashMap<>(), new HashMap<>());
			TransactionSynchronizationManager.bindResource(this, fresh);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public int getOrder() {
					return ORDER;
				}

				@Override
				public void beforeCommit(boolean readOnly) {
					apply(fresh);
				}

				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(CareTally.this);
				}
			});
			p = fresh;
		}
		return p;
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
		due.apply(p.due);
	}

}
