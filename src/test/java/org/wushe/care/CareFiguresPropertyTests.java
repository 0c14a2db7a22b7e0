package org.wushe.care;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.wushe.access.AccountService;
import org.wushe.access.CurrentUser;
import org.wushe.access.Role;
import org.wushe.actor.ActorTestData;
import org.wushe.region.RegionCode;
import org.wushe.support.IntegrationTest;
import org.wushe.support.TestAccounts;

/**
 * Random registrations, transfers, visits on random past dates (several on the same day and in the same month), cases
 * at every stage with services and referrals: the care figures of every level and of random periods, as the dashboard
 * reads them from the counters and served marks, equal a recomputation from the raw rows. Distinct persons served is
 * compared exactly, never as a sum: over calendar months, quarters and years (the counts kept on write, with persons
 * transferred between rounds of visits) and over arbitrary ranges (the distinct count over the marks).
 */
@IntegrationTest
class CareFiguresPropertyTests {

	static final List<String> VILLAGES = List.of("150102001001", "150102001002", "150102002", "150105001");

	static final List<String> CATEGORIES = List.of("ELDER_ALONE", "ELDER_ADVANCED_AGE", "CHILD_LEFT_BEHIND",
			"DISABLED", "LOW_INCOME");

	@Autowired
	PersonService persons;

	@Autowired
	Visits visits;

	@Autowired
	CaseService cases;

	@Autowired
	CareFigures figures;

	@Autowired
	AccountService accounts;

	@Test
	void figuresEqualARecountFromRawRows() {
		long seed = System.nanoTime();
		Random random = new Random(seed);
		CurrentUser admin = accounts.principalOf(TestAccounts.create(accounts, Role.ADMIN, "00")).orElseThrow();
		LocalDate today = LocalDate.now();
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			String region = VILLAGES.get(random.nextInt(VILLAGES.size()));
			String id = ActorTestData.idNumber(region.substring(0, 6));
			String birth = id.substring(6, 10) + "-" + id.substring(10, 12) + "-" + id.substring(12, 14);
			List<String> cats = new ArrayList<>();
			for (String c : CATEGORIES) {
				if (random.nextInt(3) == 0) {
					cats.add(c);
				}
			}
			if (cats.isEmpty()) {
				cats.add(CATEGORIES.get(random.nextInt(CATEGORIES.size())));
			}
			ids.add(persons.register(new PersonInput(region, "对象" + i, "MALE", birth, id, null, null, null, cats,
					RiskLevel.values()[random.nextInt(3)].name(), null, null), admin.scope()).id());
		}
		// transfers between rounds of visits: a person served in two regions in one month, quarter or year counts
		// once in each region, and once in their common ancestors
		for (int round = 0; round < 2; round++) {
			for (int i = 0; i < 6; i++) {
				long p = ids.get(random.nextInt(ids.size()));
				String to = VILLAGES.get(random.nextInt(VILLAGES.size()));
				if (!persons.get(admin.scope(), p).regionCode().equals(to)) {
					persons.transfer(p, to, admin.scope());
				}
			}
			for (int i = 0; i < 60; i++) {
				long p = ids.get(random.nextInt(ids.size()));
				LocalDate date = today.minusDays(random.nextInt(random.nextBoolean() ? 30 : 400));
				try {
					visits.record(p, new VisitInput(date.toString(), "HOME", null, null, "NONE", null), admin);
				}
				catch (org.wushe.shared.InvalidInputException beforeBirth) {
					// a visit before the birth date is refused; it must count nowhere
				}
			}
		}
		for (int i = 0; i < 15; i++) {
			long p = ids.get(random.nextInt(ids.size()));
			long c = cases.open(new CaseInputs.Open(p, "原因", null), admin).id();
			int stages = random.nextInt(6);
			if (stages > 0) {
				cases.assess(c, new CaseInputs.Assessment(1, 2, 3, 1, 2, 3, null), admin);
			}
			if (stages > 1) {
				cases.refer(c, new CaseInputs.Referral("DEPARTMENT", "民政", "需要"), admin);
				cases.plan(c, new CaseInputs.Plan("g", "a", "w", today.plusDays(30).toString(), null), admin);
			}
			if (stages > 2) {
				cases.approvePlan(c, null, admin);
				for (int s = random.nextInt(3); s > 0; s--) {
					cases.service(c, new CaseInputs.Service(today.minusDays(random.nextInt(60)).toString(),
							"INDIVIDUAL", null, null), admin);
				}
			}
			if (stages > 3) {
				cases.close(c, new CaseInputs.Close("完成", null), admin);
			}
			if (stages > 4) {
				cases.approveClose(c, null, admin);
			}
		}
		List<RegionCode> regions = List.of(RegionCode.COUNTRY, new RegionCode("15"), new RegionCode("1501"),
				new RegionCode("150102"), new RegionCode("150102001"), new RegionCode("150102001001"),
				new RegionCode("150102002"), new RegionCode("150105"));
		List<LocalDate[]> periods = new ArrayList<>(List.of(new LocalDate[] { today.withDayOfMonth(1), today },
				new LocalDate[] { today.withDayOfYear(1), today }, new LocalDate[] { today.minusYears(2), today }));
		// whole months with days before or after them (month and day counters together)
		periods.add(new LocalDate[] { today.minusMonths(5).withDayOfMonth(15), today.withDayOfMonth(1).minusDays(1) });
		periods.add(new LocalDate[] { today.minusMonths(6).withDayOfMonth(1), today.minusMonths(2).withDayOfMonth(10) });
		periods.add(new LocalDate[] { today.minusMonths(7).withDayOfMonth(20), today.minusMonths(1).withDayOfMonth(3) });
		for (int i = 0; i < 5; i++) {
			LocalDate from = today.minusDays(random.nextInt(400));
			periods.add(new LocalDate[] { from, from.plusDays(random.nextInt(120)) });
		}
		// calendar months, quarters and years (whole, and so far): key look-ups of the counts kept on write
		List<LocalDate[]> calendar = new ArrayList<>();
		for (int m = 0; m < 15; m++) {
			LocalDate start = today.minusMonths(m).withDayOfMonth(1);
			calendar.add(new LocalDate[] { start, start.withDayOfMonth(start.lengthOfMonth()) });
		}
		for (int q = 0; q < 6; q++) {
			LocalDate month = today.minusMonths(3L * q);
			LocalDate start = month.withMonth((month.getMonthValue() - 1) / 3 * 3 + 1).withDayOfMonth(1);
			calendar.add(new LocalDate[] { start, start.plusMonths(3).minusDays(1) });
		}
		for (int y = 0; y < 3; y++) {
			LocalDate start = today.minusYears(y).withDayOfYear(1);
			calendar.add(new LocalDate[] { start, start.withDayOfYear(start.lengthOfYear()) });
		}
		calendar.add(new LocalDate[] { today.withDayOfMonth(1), today });
		for (LocalDate[] p : calendar) {
			assertThat(org.wushe.shared.tally.CalendarPeriods.of(p[0], p[1], today)).as("%s..%s", p[0], p[1]).isNotNull();
		}
		periods.addAll(calendar);
		for (RegionCode r : regions) {
			for (LocalDate[] p : periods) {
				CareFigures.Counts recount = figures.recount(r, p[0], p[1], today);
				assertThat(figures.counts(r, p[0], p[1], today))
					.as("seed %d, region %s, %s..%s", seed, r, p[0], p[1])
					.isEqualTo(recount);
				assertThat(figures.distinctServed(r, p[0], p[1]))
					.as("seed %d, region %s, %s..%s: distinct count over the marks", seed, r, p[0], p[1])
					.isEqualTo(recount.personsServed());
			}
		}
		assertThat(figures.counts(new RegionCode("150102"), today.minusYears(2), today, today).personsServed())
			.as("seed %d: something was served", seed)
			.isPositive();
	}

}
