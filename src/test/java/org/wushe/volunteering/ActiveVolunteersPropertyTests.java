package org.wushe.volunteering;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wushe.WusheApplication;
import org.wushe.actor.ActorTestData;
import org.wushe.actor.volunteer.VolunteerInput;
import org.wushe.actor.volunteer.VolunteerService;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionScope;
import org.wushe.shared.BusinessException;
import org.wushe.support.TestDatabase;

/**
 * Active volunteers of a calendar month, quarter or year are counted on write ({@link ActiveVolunteers}); after random
 * confirmations, unconfirmed records and reversals of both, by volunteers serving in two villages of one township and
 * a village of another county, the figure of every level from the village to the country and of every month, quarter
 * and year touched equals COUNT(DISTINCT) over the records in force, recounted from the raw rows; so does a range that
 * is no calendar period. Runs on H2 and, in the PostgreSQL suite, on PostgreSQL.
 */
@Tag("integration")
class ActiveVolunteersPropertyTests {

	static final RegionScope COUNTRY = new RegionScope(RegionCode.COUNTRY);

	static ConfigurableApplicationContext context;

	static HoursService hours;

	static VolunteeringFigures figures;

	static JdbcClient jdbc;

	static final List<Long> projects = new ArrayList<>();

	static final List<String> villages = new ArrayList<>();

	static final List<Long> volunteers = new ArrayList<>();

	static final TreeSet<LocalDate> days = new TreeSet<>();

	/** Minutes past midnight of the next session: every session starts at a different minute, so none overlap. */
	static int slot;

	@BeforeContainer
	static void start() {
		context = new SpringApplicationBuilder(WusheApplication.class)
			.profiles(new TestDatabase().resolve(ActiveVolunteersPropertyTests.class))
			.run("--server.port=0");
		hours = context.getBean(HoursService.class);
		figures = context.getBean(VolunteeringFigures.class);
		jdbc = context.getBean(JdbcClient.class);
		ProjectService service = context.getBean(ProjectService.class);
		VolunteerService registry = context.getBean(VolunteerService.class);
		villages.addAll(jdbc.sql("SELECT code FROM region WHERE parent_code = '150102001' ORDER BY code")
			.query(String.class).list().subList(0, 2));
		villages.add(jdbc.sql("SELECT MIN(code) FROM region WHERE code LIKE '150103%' AND LENGTH(code) = 12")
			.query(String.class).single());
		for (String village : villages) {
			long team = service.createTeam(new ProjectService.TeamInput("活跃" + village, village, null, null), COUNTRY)
				.id();
			projects.add(service.createProject(new ProjectService.ProjectInput("活跃" + village, village, "TEAM", team,
					LocalDate.now().minusYears(2).toString(), LocalDate.now().toString(), "x", "ELDERLY", 10, true,
					false), COUNTRY).id());
		}
		for (int i = 0; i < 4; i++) {
			volunteers.add(registry.register(new VolunteerInput("活跃" + i, ActorTestData.idNumber("150102"), null,
					"150102001", List.of(), List.of(), null), COUNTRY).id());
		}
	}

	@AfterContainer
	static void stop() {
		if (context != null) {
			context.close();
		}
	}

	/** One operation: C = hours recorded and confirmed, U = recorded only, R = a reversal of one of them. */
	record Op(char kind, int volunteer, int project, int daysAgo, int pick) {
	}

	@Provide
	Arbitrary<List<Op>> operations() {
		return Combinators.combine(Arbitraries.of('C', 'C', 'C', 'U', 'R'), Arbitraries.integers().between(0, 3),
				Arbitraries.integers().between(0, 2), Arbitraries.integers().between(1, 420),
				Arbitraries.integers().between(0, 99))
			.as(Op::new)
			.list()
			.ofMinSize(1)
			.ofMaxSize(30);
	}

	@Property(tries = 10)
	void activeVolunteersOfEveryCalendarPeriodMatchARecount(@ForAll("operations") List<Op> ops) {
		List<Long> recorded = new ArrayList<>();
		for (Op op : ops) {
			if (op.kind() == 'R') {
				if (!recorded.isEmpty()) {
					long id = recorded.remove(op.pick() % recorded.size());
					hours.reverse(COUNTRY, id, "更正");
				}
				continue;
			}
			LocalDate day = LocalDate.now().minusDays(op.daysAgo());
			LocalDateTime start = day.atStartOfDay().plusMinutes(slot++);
			HoursService.Outcome o = hours.record(COUNTRY, projects.get(op.project()),
					List.of(new HoursService.Entry(volunteers.get(op.volunteer()), start.toString(),
							start.plusMinutes(1).toString(), "x")),
					false);
			assertThat(o.rejected()).isEmpty();
			long id = o.recorded().get(0);
			if (op.kind() == 'C') {
				hours.confirm(COUNTRY, id, null);
			}
			recorded.add(id);
			days.add(day);
		}
		List<RegionCode> regions = new ArrayList<>();
		for (String village : villages) {
			RegionCode.parse(village).path().forEach(a -> {
				if (!regions.contains(a)) {
					regions.add(a);
				}
			});
		}
		LocalDate today = LocalDate.now();
		for (LocalDate day : days) {
			LocalDate month = day.withDayOfMonth(1);
			LocalDate quarter = month.withMonth((month.getMonthValue() - 1) / 3 * 3 + 1);
			LocalDate year = day.withDayOfYear(1);
			List<LocalDate[]> spans = List.of(new LocalDate[] { month, month.plusMonths(1).minusDays(1) },
					new LocalDate[] { quarter, quarter.plusMonths(3).minusDays(1) },
					new LocalDate[] { year, year.plusYears(1).minusDays(1) },
					new LocalDate[] { month, today }, new LocalDate[] { day.minusDays(10), day.plusDays(20) });
			for (RegionCode region : regions) {
				for (LocalDate[] span : spans) {
					assertThat(figures.figures(region, span[0], span[1]).activeVolunteers())
						.as("%s %s..%s", region, span[0], span[1])
						.isEqualTo(recount(region, span[0], span[1]));
				}
			}
		}
	}

	@Example
	void aReversalOfARecordNeverCountedIsRefusedOrChangesNothing() {
		LocalDateTime start = LocalDate.now().minusDays(3).atStartOfDay().plusMinutes(slot++);
		long id = hours.record(COUNTRY, projects.get(0), List.of(new HoursService.Entry(volunteers.get(0),
				start.toString(), start.plusMinutes(1).toString(), "x")), false).recorded().get(0);
		RegionCode village = RegionCode.parse(villages.get(0));
		LocalDate month = start.toLocalDate().withDayOfMonth(1);
		long before = figures.figures(village, month, month.plusMonths(1).minusDays(1)).activeVolunteers();
		hours.reverse(COUNTRY, id, "更正");
		try {
			hours.reverse(COUNTRY, id, "更正");
		}
		catch (BusinessException twice) {
			// refused: reversed once already
		}
		assertThat(figures.figures(village, month, month.plusMonths(1).minusDays(1)).activeVolunteers())
			.isEqualTo(before)
			.isEqualTo(recount(village, month, month.plusMonths(1).minusDays(1)));
	}

	/** The exact count over the raw records, independent of the counts kept on write. */
	static long recount(RegionCode region, LocalDate from, LocalDate to) {
		return figures.distinctActive(region, from, to);
	}

}
