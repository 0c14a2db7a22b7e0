package org.wushe.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.wushe.access.AccountService;
import org.wushe.access.CurrentUser;
import org.wushe.access.Role;
import org.wushe.actor.ActorTestData;
import org.wushe.region.RegionCode;
import org.wushe.shared.tally.BeforeCommit;
import org.wushe.support.IntegrationTest;
import org.wushe.support.TestAccounts;

import com.zaxxer.hikari.HikariDataSource;

/**
 * A visit and its counters commit together or not at all: when the counters cannot be applied the visit, its served
 * mark and the person's next due date are rolled back; and a visit needs no connection besides its own, so a pool with
 * one free connection left still stores and counts it.
 */
@IntegrationTest
class CareCountersRollbackTests {

	static final String VILLAGE = "150105002";

	@Autowired
	PersonService persons;

	@Autowired
	Visits visits;

	@Autowired
	CareFigures figures;

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	PlatformTransactionManager transactions;

	final Random random = new Random();

	CurrentUser admin() {
		return accounts.principalOf(TestAccounts.create(accounts, Role.ADMIN, "00")).orElseThrow();
	}

	long person(CurrentUser admin) {
		String id = ActorTestData.idNumber(VILLAGE.substring(0, 6));
		String birth = id.substring(6, 10) + "-" + id.substring(10, 12) + "-" + id.substring(12, 14);
		return persons.register(new PersonInput(VILLAGE, "计数对象", "MALE", birth, id, null, null, null,
				List.of("ELDER_ALONE"), "HIGH", null, null), admin.scope()).id();
	}

	/** A day of its own for each run: its counter rows do not exist yet. */
	LocalDate freshDay(long person, CurrentUser admin) {
		LocalDate birth = persons.get(admin.scope(), person).birthDate();
		LocalDate today = LocalDate.now();
		long span = today.toEpochDay() - birth.toEpochDay() - 1;
		return birth.plusDays(1 + Math.floorMod(random.nextLong(), span));
	}

	/** A new person, a day of their life without counter rows yet, and their next due date before any visit. */
	record Subject(CurrentUser admin, long person, LocalDate day, LocalDate due) {
	}

	Subject subject() {
		CurrentUser admin = admin();
		long p = person(admin);
		return new Subject(admin, p, freshDay(p, admin), nextDue(p));
	}

	void visit(long person, LocalDate day, CurrentUser admin) {
		visits.record(person, new VisitInput(day.toString(), "HOME", null, null, "NONE", null), admin);
	}

	long stored(long person) {
		return jdbc.sql("SELECT COUNT(*) FROM care_visit WHERE person_id = :p").param("p", person).query(Long.class)
			.single();
	}

	long marks(long person) {
		return jdbc.sql("SELECT COUNT(*) FROM care_served WHERE person_id = :p").param("p", person).query(Long.class)
			.single();
	}

	LocalDate nextDue(long person) {
		return jdbc.sql("SELECT next_due FROM care_person WHERE id = :p").param("p", person)
			.query(LocalDate.class).single();
	}

	void assertNothingOfTheVisit(long person, LocalDate day, LocalDate dueBefore) {
		assertThat(stored(person)).as("visit rolled back").isZero();
		assertThat(marks(person)).as("served mark rolled back").isZero();
		assertThat(nextDue(person)).as("next due date unchanged").isEqualTo(dueBefore);
		for (RegionCode r : List.of(RegionCode.COUNTRY, new RegionCode(VILLAGE))) {
			assertThat(figures.counts(r, day, day, LocalDate.now()))
				.isEqualTo(figures.recount(r, day, day, LocalDate.now()));
		}
	}

	@Test
	void aVisitWhoseCountersFailIsNotStored() {
		Subject subject = subject();
		CurrentUser admin = subject.admin();
		long p = subject.person();
		LocalDate day = subject.day();
		// the village's counter of that day is full: adding the visit overflows it
		jdbc.sql("INSERT INTO care_daily (region_code, metric, day_on, stripe, entries) VALUES (:r, 'VISITS', :d, 0, :max)")
			.param("r", VILLAGE)
			.param("d", day.toString())
			.param("max", Long.MAX_VALUE)
			.update();
		try {
			assertThatThrownBy(() -> visit(p, day, admin)).isNotNull();
		}
		finally {
			jdbc.sql("DELETE FROM care_daily WHERE region_code = :r AND day_on = :d")
				.param("r", VILLAGE)
				.param("d", day.toString())
				.update();
		}
		assertNothingOfTheVisit(p, day, subject.due());
	}

	@Test
	void aTransactionFailureWhileCountersAreAppliedRollsTheVisitBack() {
		Subject subject = subject();
		CurrentUser admin = subject.admin();
		long p = subject.person();
		LocalDate day = subject.day();
		TransactionTemplate tx = new TransactionTemplate(transactions);
		// what a pool without a free connection answers a nested transaction, at the moment counters are applied
		assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
			visit(p, day, admin);
			TransactionSynchronizationManager.registerSynchronization(new BeforeCommit(Ordered.HIGHEST_PRECEDENCE,
					() -> {
						throw new CannotCreateTransactionException("no connection");
					}));
		})).isInstanceOf(RuntimeException.class);
		assertNothingOfTheVisit(p, day, subject.due());
	}

	@Test
	void aVisitNeedsNoSecondConnection() throws Exception {
		CurrentUser admin = admin();
		long p = person(admin);
		LocalDate day = freshDay(p, admin);
		HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
		long timeout = pool.getConnectionTimeout();
		List<Connection> held = new ArrayList<>();
		try {
			pool.getHikariConfigMXBean().setConnectionTimeout(1_000);
			// every connection but one: those other parts of the shared application hold now count as taken too
			int free = pool.getMaximumPoolSize() - pool.getHikariPoolMXBean().getActiveConnections();
			for (int i = 1; i < free; i++) {
				held.add(pool.getConnection());
			}
			// every counter row of that day is new, in the village and above
			visit(p, day, admin);
		}
		finally {
			for (Connection c : held) {
				c.close();
			}
			pool.getHikariConfigMXBean().setConnectionTimeout(timeout);
		}
		assertThat(stored(p)).isEqualTo(1);
		for (RegionCode r : List.of(RegionCode.COUNTRY, new RegionCode("15"), new RegionCode(VILLAGE))) {
			CareFigures.Counts counts = figures.counts(r, day, day, LocalDate.now());
			assertThat(counts).isEqualTo(figures.recount(r, day, day, LocalDate.now()));
			assertThat(counts.visits()).isPositive();
		}
	}

}
