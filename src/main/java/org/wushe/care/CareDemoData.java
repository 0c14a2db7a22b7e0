package org.wushe.care;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.wushe.access.AccountService;
import org.wushe.access.CurrentUser;
import org.wushe.actor.WorkerDirectory;
import org.wushe.personal.IdNumber;
import org.wushe.region.Region;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionScope;
import org.wushe.region.RegionTreeLoaded;
import org.wushe.region.Regions;
import org.wushe.shared.CsvRows;
import org.wushe.shared.DemoOrder;

/**
 * Demo care data for the embedded default ({@code wushe.demo.enabled=true}): about 200 people served in the villages of
 * the demo station's township (海拉尔东路街道, where the demo accounts {@code worker} and {@code hailaerdonglu} sit),
 * across all categories, with visits dated relative to today (some overdue, two urgent) and cases at every stage.
 * Written through the services as the station's account, so every counter is right. Runs once. The station's
 * supervisor ({@code dudao}) is marked once the registries' demo workers exist ({@link #markSupervisor}).
 */
@Component
class CareDemoData {

	private static final Logger log = LoggerFactory.getLogger(CareDemoData.class);

	static final String TOWNSHIP = "150102001";

	static final String ACCOUNT = "hailaerdonglu";

	/** The demo account of the station's supervisor (督导), a station worker's account on the township. */
	static final String SUPERVISOR = "dudao";

	static final int PERSONS = 200;

	private final boolean enabled;

	private final Regions regions;

	private final AccountService accounts;

	private final PersonService persons;

	private final Visits visits;

	private final CaseService cases;

	private final CareCategories categories;

	private final JdbcClient jdbc;

	private final Relatives relatives;

	private final Supervisors supervisors;

	private final WorkerDirectory workers;

	CareDemoData(@Value("${wushe.demo.enabled:false}") boolean enabled, Regions regions, AccountService accounts,
			PersonService persons, Visits visits, CaseService cases, CareCategories categories, JdbcClient jdbc,
			Relatives relatives, Supervisors supervisors, WorkerDirectory workers) {
		this.relatives = relatives;
		this.supervisors = supervisors;
		this.workers = workers;
		this.enabled = enabled;
		this.regions = regions;
		this.accounts = accounts;
		this.persons = persons;
		this.visits = visits;
		this.cases = cases;
		this.categories = categories;
		this.jdbc = jdbc;
	}

	@EventListener
	@Order(DemoOrder.REGISTRIES)
	void onRegionTreeLoaded(RegionTreeLoaded event) {
		if (!enabled || regions.find(RegionCode.parse(TOWNSHIP)).isEmpty()) {
			return;
		}
		Optional<CurrentUser> station = accounts.principalOf(ACCOUNT);
		Map<String, String> text = CsvRows.read("demo/care-texts.csv").stream().collect(Collectors.toMap(r -> r[0], r -> r[1]));
		if (station.isEmpty() || alreadyThere(text.get("reason"))) {
			return;
		}
		CurrentUser user = station.get();
		List<Region> villages = regions.children(RegionCode.parse(TOWNSHIP));
		List<String[]> people = CsvRows.read("demo/people.csv");
		List<String> codes = categories.all().stream().filter(CareCategories.Category::builtIn)
			.map(CareCategories.Category::code).toList();
		Random random = new Random(10);
		LocalDate today = persons.today();
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < PERSONS; i++) {
			String category = codes.get(i % codes.size());
			boolean child = category.startsWith("CHILD_");
			String[] person = people.get(i % people.size());
			LocalDate birth = child ? today.minusYears(4 + random.nextInt(10)).minusDays(random.nextInt(300))
					: today.minusYears(62 + random.nextInt(30)).minusDays(random.nextInt(300));
			String region = villages.isEmpty() ? TOWNSHIP : villages.get(i % villages.size()).code().value();
			String idNumber = idNumber(birth, i);
			PersonInput.GuardianConsent consent = child
					? new PersonInput.GuardianConsent(people.get((i + 5) % people.size())[0], text.get("relation"),
							today.minusDays(30).toString(), i % 2 == 0 ? "SIGNED" : "VERBAL_WITNESSED")
					: null;
			List<String> cats = i % 5 == 0 && !child ? List.of(category, "LOW_INCOME") : List.of(category);
			String risk = RiskLevel.values()[random.nextInt(3)].name();
			ids.add(persons.register(new PersonInput(region, person[0], person[1], birth.toString(), idNumber,
					"1390471" + String.format("%04d", i), null, null, cats, risk, null, consent), user.scope()).id());
		}
		int links = family(user, ids, people, text, codes);
		int visitCount = 0;
		for (int i = 0; i < ids.size(); i++) {
			int n = random.nextInt(4);
			for (int v = 0; v < n; v++) {
				LocalDate date = today.minusDays(random.nextInt(180));
				String followUp = i == 3 && v == 0 || i == 17 && v == 0 ? "URGENT" : random.nextInt(8) == 0 ? "NEED"
						: "NONE";
				visits.record(ids.get(i), new VisitInput(date.toString(), v % 3 == 0 ? "HOME" : "PHONE", null,
						List.of("HEALTH"), followUp, null), user);
				visitCount++;
			}
		}
		CaseStage[] stages = CaseStage.values();
		for (int i = 0; i < 12; i++) {
			long person = ids.get(40 + i * 7);
			long c = cases.open(new CaseInputs.Open(person, text.get("reason"), null), user).id();
			CaseStage target = stages[i % stages.length];
			if (target.ordinal() >= CaseStage.ASSESSMENT.ordinal()) {
				cases.assess(c, new CaseInputs.Assessment(2, 3, 2, 1, 3, 2, null), user);
			}
			if (target.ordinal() >= CaseStage.PLAN_PENDING.ordinal()) {
				cases.plan(c, new CaseInputs.Plan(text.get("goals"), text.get("actions"), text.get("who"),
						today.plusMonths(3).toString(), null), user);
			}
			if (target.ordinal() >= CaseStage.SERVICE.ordinal()) {
				cases.approvePlan(c, null, user);
				cases.service(c, new CaseInputs.Service(today.minusDays(i).toString(), "INDIVIDUAL", null, null),
						user);
				if (i % 2 == 0) {
					cases.refer(c, new CaseInputs.Referral("DEPARTMENT", text.get("referral-to"), text.get("referral-reason")), user);
				}
			}
			if (target.ordinal() >= CaseStage.CLOSE_PENDING.ordinal()) {
				cases.close(c, new CaseInputs.Close(text.get("closure"), null), user);
			}
			if (target == CaseStage.CLOSED) {
				cases.approveClose(c, null, user);
			}
		}
		log.info("Demo care data: {} people served, {} family links, {} visits, 12 cases", ids.size(), links,
				visitCount);
	}

	/**
	 * Once the registries' demo has registered its social workers: the first one posted to the demo township (the
	 * registries' demo posts a supervisor there first) is marked as the station's supervisor, acting through the demo
	 * account {@code dudao}, who may then approve or return the plans and closures waiting in the demo's cases. Runs
	 * once: skipped when the township has ever had a supervisor.
	 */
	@EventListener
	@Order(DemoOrder.AFTER_REGISTRIES)
	void markSupervisor(RegionTreeLoaded event) {
		RegionCode township = RegionCode.parse(TOWNSHIP);
		if (!enabled || regions.find(township).isEmpty() || jdbc.sql(
				"SELECT COUNT(*) FROM care_supervisor WHERE region_code = :region")
			.param("region", TOWNSHIP)
			.query(Long.class)
			.single() > 0) {
			return;
		}
		Optional<CurrentUser> station = accounts.principalOf(ACCOUNT);
		Optional<CurrentUser> supervisor = accounts.principalOf(SUPERVISOR);
		Optional<WorkerDirectory.Entry> worker = workers.search(new RegionScope(township), "", 500)
			.entries()
			.stream()
			.filter(w -> w.regionCode().equals(TOWNSHIP))
			.min(Comparator.comparingLong(WorkerDirectory.Entry::id));
		if (station.isEmpty() || supervisor.isEmpty() || worker.isEmpty()) {
			return;
		}
		supervisors.mark(new Supervisors.Input(TOWNSHIP, worker.get().id(), supervisor.get().id()), station.get());
		log.info("Demo care supervisor: {} for {} as {}", worker.get().name(), TOWNSHIP, SUPERVISOR);
	}

	/**
	 * Each child's guardian is the elder registered just before them (a grandparent, linked as a registered person);
	 * each elder living alone has a son who is not registered, with a phone.
	 */
	private int family(CurrentUser user, List<Long> ids, List<String[]> people, Map<String, String> text,
			List<String> codes) {
		int links = 0;
		for (int i = 1; i < ids.size(); i++) {
			String category = codes.get(i % codes.size());
			if (category.startsWith("CHILD_")) {
				int elder = i - (i % codes.size() - codes.indexOf("ELDER_DISABLED"));
				relatives.add(user.scope(), ids.get(i),
						new Relatives.Input(null, text.get("relation"), null, ids.get(Math.max(0, elder)), true));
				links++;
			}
			else if (category.equals("ELDER_ALONE")) {
				relatives.add(user.scope(), ids.get(i), new Relatives.Input(people.get((i + 3) % people.size())[0],
						text.get("relative-relation"), "1390472" + String.format("%04d", i), null, false));
				links++;
			}
		}
		return links;
	}

	/** The demo's cases carry the demo reason; nothing else does. */
	private boolean alreadyThere(String reason) {
		return jdbc.sql("SELECT COUNT(*) FROM care_case WHERE reason = :reason")
			.param("reason", reason)
			.query(Long.class)
			.single() > 0;
	}

	/** A checksum-valid ID number of 新城区 with the given birth date and a demo sequence. */
	static String idNumber(LocalDate birth, int n) {
		String first17 = "150102" + birth.toString().replace("-", "") + String.format("%03d", 500 + n % 500);
		return first17 + IdNumber.checkChar(first17);
	}

}
