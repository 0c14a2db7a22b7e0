package org.wushe.volunteering;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
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
 * Random deposits (confirmed hours, some over the cap), transfers of every kind between every kind of account (many
 * of them refused), retries with used keys and reversals of confirmed hours, through the real services; afterwards
 * the ledger's invariants hold: all postings sum to zero, every transfer is two postings summing to zero, every
 * balance equals its postings and stays at or above its floor, no personal account is above the cap, and a refused
 * or retried request moved nothing. Runs on H2 and, in the PostgreSQL suite, on PostgreSQL.
 */
@Tag("integration")
class LedgerPropertyTests {

	static final RegionScope COUNTRY = new RegionScope(RegionCode.COUNTRY);

	/** A small cap, so that deposits run over it. */
	static final long CAP = 600;

	static ConfigurableApplicationContext context;

	static TimeBank bank;

	static HoursService hours;

	static JdbcClient jdbc;

	static long project;

	static List<Long> volunteers = new ArrayList<>();

	static List<Long> accounts = new ArrayList<>();

	static int slot;

	@BeforeContainer
	static void start() {
		context = new SpringApplicationBuilder(WusheApplication.class)
			.profiles(new TestDatabase().resolve(LedgerPropertyTests.class))
			.run("--server.port=0");
		bank = context.getBean(TimeBank.class);
		hours = context.getBean(HoursService.class);
		jdbc = context.getBean(JdbcClient.class);
		ProjectService projects = context.getBean(ProjectService.class);
		VolunteerService registry = context.getBean(VolunteerService.class);
		jdbc.sql("DELETE FROM timebank_rule WHERE province_code = '15'").update();
		jdbc.sql("INSERT INTO timebank_rule (province_code, cap_minutes, pool_limit_minutes) VALUES ('15', :cap, 300)")
			.param("cap", CAP)
			.update();
		String region = "150102001";
		long team = projects.createTeam(new ProjectService.TeamInput("ledger", region, null, null), COUNTRY).id();
		project = projects.createProject(new ProjectService.ProjectInput("ledger", region, "TEAM", team, "2020-01-01",
				LocalDate.now().toString(), "x", "ELDERLY", 10, true, true), COUNTRY).id();
		for (int i = 0; i < 4; i++) {
			long v = registry.register(new VolunteerInput("账本" + i, ActorTestData.idNumber("150102"), null, region,
					List.of(), List.of(), null), COUNTRY).id();
			volunteers.add(v);
			accounts.add(bank.personalAccount(v, region));
		}
		for (Long other : volunteers.subList(1, 4)) {
			bank.registerRelative(COUNTRY, volunteers.get(0), other, null, "亲属");
		}
		long elderPerson = System.nanoTime() % 1_000_000_000L;
		accounts.add(bank.open(COUNTRY, new TimeBank.OpenInput("ELDER", region, null, null, elderPerson)).id());
		bank.registerRelative(COUNTRY, volunteers.get(1), null, elderPerson, "母亲");
		accounts.add(bank.open(COUNTRY, new TimeBank.OpenInput("GROUP", null, null, team, null)).id());
		List<Long> pools = jdbc.sql("SELECT id FROM timebank_account WHERE pool_region = :r").param("r", region)
			.query(Long.class).list();
		accounts.add(pools.isEmpty() ? bank.open(COUNTRY, new TimeBank.OpenInput("POOL", region, null, null, null)).id()
				: pools.get(0));
		accounts.add(bank.clearing().id());
	}

	@AfterContainer
	static void stop() {
		if (context != null) {
			jdbc.sql("DELETE FROM timebank_rule WHERE province_code = '15'").update();
			context.close();
		}
	}

	/** One operation: H = hours confirmed, T = a transfer, K = a retry of an earlier key, R = a reversal. */
	record Op(char kind, int a, int b, int minutes, int transferKind) {
	}

	@Provide
	Arbitrary<List<Op>> operations() {
		return Combinators.combine(Arbitraries.of('H', 'H', 'T', 'T', 'T', 'K', 'R'), Arbitraries.integers().between(0, 99),
				Arbitraries.integers().between(0, 99), Arbitraries.integers().between(-5, 400),
				Arbitraries.integers().between(0, TransferKind.values().length - 1))
			.as(Op::new)
			.list()
			.ofMinSize(1)
			.ofMaxSize(25);
	}

	@Property(tries = 12)
	void theLedgerStaysBalancedUnderRandomOperations(@ForAll("operations") List<Op> ops) {
		List<String> keys = new ArrayList<>();
		List<TimeBank.TransferInput> requests = new ArrayList<>();
		List<Long> confirmed = new ArrayList<>();
		for (Op op : ops) {
			long postingsBefore = postings();
			boolean changed;
			try {
				changed = switch (op.kind()) {
					case 'H' -> {
						long v = volunteers.get(op.a() % volunteers.size());
						LocalDateTime start = LocalDateTime.of(2020, 1, 1, 0, 0).plusMinutes(1500L * slot++);
						HoursService.Outcome o = hours.record(COUNTRY, project, List.of(new HoursService.Entry(v,
								start.toString(), start.plusMinutes(Math.max(1, op.minutes())).toString(), "x")), false);
						hours.confirm(COUNTRY, o.recorded().get(0), null);
						confirmed.add(o.recorded().get(0));
						yield true;
					}
					case 'T' -> {
						String key = UUID.randomUUID().toString();
						TimeBank.TransferInput in = new TimeBank.TransferInput(accounts.get(op.a() % accounts.size()),
								accounts.get(op.b() % accounts.size()), BigDecimal.valueOf(op.minutes()),
								TransferKind.values()[op.transferKind()].name(), null);
						bank.transfer(COUNTRY, "property", key, in);
						keys.add(key);
						requests.add(in);
						yield true;
					}
					case 'K' -> {
						if (keys.isEmpty()) {
							yield false;
						}
						int i = op.a() % keys.size();
						TimeBank.Outcome o = bank.transfer(COUNTRY, "property", keys.get(i), requests.get(i));
						assertThat(o.replayed()).isTrue();
						yield false;
					}
					default -> {
						if (confirmed.isEmpty()) {
							yield false;
						}
						hours.reverse(COUNTRY, confirmed.remove(op.a() % confirmed.size()), "更正");
						yield true;
					}
				};
			}
			catch (BusinessException refused) {
				changed = false;
			}
			if (!changed) {
				assertThat(postings()).as("a refused or retried request moves nothing").isEqualTo(postingsBefore);
			}
			checkInvariants();
		}
	}

	static long postings() {
		return jdbc.sql("SELECT COUNT(*) FROM timebank_posting").query(Long.class).single();
	}

	static void checkInvariants() {
		TimeBank.Reconciliation r = bank.reconcile(COUNTRY);
		assertThat(r.postingsSum()).isZero();
		assertThat(r.unbalancedTransfers()).isZero();
		assertThat(r.mismatches()).isEmpty();
		assertThat(jdbc.sql("SELECT COALESCE(SUM(balance_minutes), 0) FROM timebank_account").query(Long.class).single())
			.isZero();
		int capped = 0;
		for (Map<String, Object> a : jdbc.sql("SELECT id, kind, balance_minutes, floor_minutes FROM timebank_account")
			.query()
			.listOfRows()) {
			long balance = ((Number) a.get("balance_minutes")).longValue();
			Object floor = a.get("floor_minutes");
			if (floor != null) {
				assertThat(balance).as("%s", a).isGreaterThanOrEqualTo(((Number) floor).longValue());
			}
			// the cap this test set applies to its own accounts (a shared PostgreSQL schema holds others' too)
			if ("PERSONAL".equals(a.get("kind")) && accounts.contains(((Number) a.get("id")).longValue())) {
				assertThat(balance).as("%s", a).isLessThanOrEqualTo(CAP);
				capped++;
			}
		}
		assertThat(capped).as("personal accounts of this test checked against the cap").isPositive();
	}

}
