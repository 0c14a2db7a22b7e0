package org.wushe.volunteering;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.wushe.actor.VolunteerDirectory;
import org.wushe.care.Person;
import org.wushe.care.PersonService;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionScope;
import org.wushe.region.RegionTreeLoaded;
import org.wushe.region.Regions;
import org.wushe.shared.CsvRows;
import org.wushe.shared.DemoDates;
import org.wushe.shared.cluster.ClusterLock;
import org.wushe.shared.DemoOrder;

/**
 * Demo volunteering for the embedded default ({@code wushe.demo.enabled=true}), in 新城区 where the demo accounts
 * {@code xincheng} and {@code hailaerdonglu} sit, on the demo volunteers and people served: two teams with members,
 * projects upcoming, running and finished, recruiting or not ({@code demo/volunteering-projects.csv}, dates relative
 * to today), a season of hours confirmed, pending, disputed and reversed, a time bank with its pool, key elders'
 * accounts, deposits, gifts, a donation, grants and redemptions, key elders' service requests (some served and paid,
 * some matched, some open), and certificates (one revoked). Written through the services, so every figure and balance
 * is right, in one transaction: all or nothing. Runs once across the nodes (under a cluster lock, skipped when the
 * demo's first project exists), after the registries' demo data: its listener is ordered after theirs
 * ({@link DemoOrder}).
 */
@Component
class VolunteeringDemoData {

	private static final Logger log = LoggerFactory.getLogger(VolunteeringDemoData.class);

	static final String COUNTY = "150102";

	static final String TOWNSHIP = "150102001";

	static final String CALLER = "demo";

	/** Fewer volunteers than this: the registries' demo is not there (yet), and nothing is created. */
	static final int MIN_VOLUNTEERS = 6;

	/** One row of {@code demo/volunteering-projects.csv}, dates resolved. */
	record DemoProject(String name, String domain, String start, String end, boolean recruiting, boolean timeBank,
			int places, String organizer, String place, String content) {
	}

	private final boolean enabled;

	private final Regions regions;

	private final VolunteerDirectory volunteers;

	private final PersonService persons;

	private final ProjectService projects;

	private final HoursService hours;

	private final TimeBank bank;

	private final Certificates certificates;

	private final ElderRequests requests;

	private final Clerk clerk;

	private final ClusterLock lock;

	private final TransactionTemplate tx;

	VolunteeringDemoData(@Value("${wushe.demo.enabled:false}") boolean enabled, Regions regions,
			VolunteerDirectory volunteers, PersonService persons, ProjectService projects, HoursService hours,
			TimeBank bank, Certificates certificates, ElderRequests requests, Clerk clerk, ClusterLock lock,
			PlatformTransactionManager transactions) {
		this.requests = requests;
		this.enabled = enabled;
		this.regions = regions;
		this.volunteers = volunteers;
		this.persons = persons;
		this.projects = projects;
		this.hours = hours;
		this.bank = bank;
		this.certificates = certificates;
		this.clerk = clerk;
		this.lock = lock;
		this.tx = new TransactionTemplate(transactions);
	}

	@EventListener
	@Order(DemoOrder.AFTER_REGISTRIES)
	void onRegionTreeLoaded(RegionTreeLoaded event) {
		if (enabled) {
			load();
		}
	}

	/** Creates the demo unless it is there; answers whether it created it. */
	boolean load() {
		if (regions.find(RegionCode.parse(TOWNSHIP)).isEmpty()) {
			return false;
		}
		return lock.call("volunteering-demo", () -> {
			List<DemoProject> rows = projectRows(clerk.today());
			RegionScope county = new RegionScope(RegionCode.parse(COUNTY));
			if (projects.projects(county).stream().anyMatch(p -> p.name().equals(rows.get(0).name()))) {
				return false;
			}
			List<VolunteerDirectory.Entry> people = volunteers.list(county, 24);
			if (people.size() < MIN_VOLUNTEERS) {
				log.info("Demo volunteering skipped: the demo volunteers are not there");
				return false;
			}
			try {
				String summary = tx.execute(s -> create(county, rows, people));
				log.info("Demo volunteering: {}", summary);
				return true;
			}
			catch (RuntimeException ex) {
				log.warn("Demo volunteering not created", ex);
				return false;
			}
		});
	}

	private String create(RegionScope county, List<DemoProject> rows, List<VolunteerDirectory.Entry> people) {
		Map<String, String> text = texts();
		LocalDate today = clerk.today();
		long countyTeam = projects.createTeam(
				new ProjectService.TeamInput(text.get("team.county"), COUNTY, null, null), county).id();
		long townshipTeam = projects.createTeam(
				new ProjectService.TeamInput(text.get("team.township"), TOWNSHIP, null, null), county).id();
		for (int i = 0; i < people.size(); i++) {
			projects.join(county, i % 2 == 0 ? townshipTeam : countyTeam, people.get(i).id(),
					today.minusDays(120 - i).toString());
		}
		List<ProjectService.Project> made = new ArrayList<>();
		for (DemoProject p : rows) {
			boolean township = "township".equals(p.organizer());
			made.add(projects.createProject(new ProjectService.ProjectInput(p.name(), township ? TOWNSHIP : COUNTY,
					OrganizerKind.TEAM.name(), township ? townshipTeam : countyTeam, p.start(), p.end(), p.place(),
					p.domain(), p.places(), p.timeBank(), p.recruiting()), county));
		}
		// a season of weekly sessions on the time-bank project, and a few on the finished one
		ProjectService.Project elderly = made.get(0);
		ProjectService.Project finished = made.get(2);
		List<Long> recent = new ArrayList<>();
		List<Long> older = new ArrayList<>();
		int sessions = 0;
		for (int i = 0; i < people.size(); i++) {
			long v = people.get(i).id();
			List<HoursService.Entry> entries = new ArrayList<>();
			for (int week = 0; week < 12; week++) {
				int daysAgo = 2 + week * 7 + i % 5;
				if (daysAgo > 88 || (i + week) % 4 == 3) {
					continue;
				}
				LocalDateTime start = today.minusDays(daysAgo).atTime(9 + i % 3, (i % 2) * 30);
				entries.add(new HoursService.Entry(v, start.toString(), start.plusMinutes(90 + (i + week) % 4 * 15)
					.toString(), rows.get(0).content()));
			}
			List<Long> ids = hours.record(county, elderly.id(), entries, false).recorded();
			sessions += ids.size();
			for (int k = 0; k < ids.size(); k++) {
				(k < 2 ? recent : older).add(ids.get(k));
			}
			if (i % 3 == 0) {
				LocalDateTime start = today.minusDays(30 + i % 10).atTime(14, 0);
				List<Long> fire = hours.record(county, finished.id(), List.of(new HoursService.Entry(v,
						start.toString(), start.plusMinutes(120).toString(), rows.get(2).content())), false)
					.recorded();
				sessions += fire.size();
				older.addAll(fire);
			}
		}
		// older sessions confirmed (two by the organizer on the volunteer's behalf), two of them reversed later;
		// of the last two weeks', most are left to confirm and two are disputed
		for (int k = 0; k < older.size(); k++) {
			hours.confirm(county, older.get(k), k % 9 == 0 ? text.get("reason.on-behalf") : null);
		}
		hours.reverse(county, older.get(1), text.get("reason.reverse"));
		hours.reverse(county, older.get(older.size() - 1), text.get("reason.reverse"));
		hours.dispute(county, recent.get(0), text.get("reason.dispute"));
		hours.dispute(county, recent.get(3), text.get("reason.dispute"));
		for (int k = 4; k < recent.size(); k += 3) {
			hours.confirm(county, recent.get(k), null);
		}
		List<Long> elderAccounts = new ArrayList<>();
		int transfers = timeBank(county, people, text, elderAccounts);
		int done = elderRequests(county, elderAccounts, people, elderly, text);
		// certificates of the season for three volunteers, one revoked and issued again
		String from = today.minusDays(90).toString();
		String to = today.toString();
		List<String> numbers = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			numbers.add(certificates.issue(county, new Certificates.IssueInput(people.get(i).id(), from, to,
					OrganizerKind.TEAM.name(), townshipTeam)).number());
		}
		certificates.revoke(county, numbers.get(0), text.get("reason.revoke"));
		certificates.issue(county, new Certificates.IssueInput(people.get(0).id(), from, to, OrganizerKind.TEAM.name(),
				townshipTeam));
		return "2 teams, %d projects, %d sessions, %d transfers, %d elders' requests done, 4 certificates"
			.formatted(made.size(), sessions, transfers, done);
	}

	/** The pool, key elders' accounts, gifts to relatives, a donation, grants and redemptions; answers the transfers. */
	private int timeBank(RegionScope county, List<VolunteerDirectory.Entry> people, Map<String, String> text,
			List<Long> elderAccounts) {
		long pool = bank.accounts(county, null, null, COUNTY, AccountKind.POOL.name())
			.stream()
			.findFirst()
			.map(TimeBank.Account::id)
			.orElseGet(() -> bank.open(county, new TimeBank.OpenInput(AccountKind.POOL.name(), COUNTY, null, null,
					null)).id());
		long clearing = bank.clearing().id();
		long[] moved = { 0 };
		List<Long> personal = new ArrayList<>();
		for (VolunteerDirectory.Entry v : people.subList(0, 5)) {
			personal.add(bank.accounts(county, v.id(), null, null, null).stream().findFirst()
				.map(TimeBank.Account::id)
				.orElseGet(() -> bank.personalAccount(v.id(), v.regionCode())));
		}
		List<Person> elders = persons.list(new RegionScope(RegionCode.parse(TOWNSHIP)), null, "ELDER_ALONE", 0, 2);
		for (Person p : elders) {
			long account = bank.open(county, new TimeBank.OpenInput(AccountKind.ELDER.name(), p.regionCode(), null,
					null, p.id())).id();
			elderAccounts.add(account);
			move(county, moved, pool, account, 240, TransferKind.GRANT, text.get("memo.grant"));
		}
		bank.registerRelative(county, people.get(1).id(), people.get(2).id(), null, text.get("relation.volunteer"));
		move(county, moved, personal.get(1), personal.get(2), 60, TransferKind.GIFT, text.get("memo.gift-volunteer"));
		move(county, moved, personal.get(3), pool, 90, TransferKind.DONATION, text.get("memo.donation"));
		move(county, moved, personal.get(4), clearing, 60, TransferKind.REDEMPTION, text.get("memo.redeem"));
		if (!elders.isEmpty()) {
			bank.registerRelative(county, people.get(0).id(), null, elders.get(0).id(), text.get("relation.elder"));
			move(county, moved, personal.get(0), elderAccounts.get(0), 120, TransferKind.GIFT, text.get("memo.gift"));
			move(county, moved, elderAccounts.get(0), clearing, 180, TransferKind.REDEMPTION,
					text.get("memo.redeem-elder"));
		}
		return (int) moved[0];
	}

	/**
	 * Key elders' service requests: for each elder, one served yesterday (matched, its service confirmed: the
	 * volunteer's hours recorded and the elder's account paying), one matched for tomorrow and one still open.
	 * Answers how many were completed.
	 */
	private int elderRequests(RegionScope county, List<Long> elderAccounts, List<VolunteerDirectory.Entry> people,
			ProjectService.Project project, Map<String, String> text) {
		LocalDate today = clerk.today();
		int done = 0;
		for (int i = 0; i < elderAccounts.size(); i++) {
			long elder = elderAccounts.get(i);
			String skill = text.get(i % 2 == 0 ? "request.skill" : "request.skill-2");
			String content = text.get(i % 2 == 0 ? "request.content" : "request.content-2");
			long served = requests.create(county, new ElderRequests.RequestInput(elder, skill, content,
					today.toString(), 60)).id();
			requests.accept(county, served, people.get(i).id(), project.id());
			LocalDateTime start = today.minusDays(1).atTime(16, 30 + i * 5);
			requests.confirm(county, served, new ElderRequests.ServiceInput(start.toString(),
					start.plusMinutes(60).toString(), text.get("request.reason")));
			done++;
			long matched = requests.create(county, new ElderRequests.RequestInput(elder, skill, content,
					today.plusDays(1).toString(), 90)).id();
			requests.accept(county, matched, people.get(i + 2).id(), project.id());
			requests.create(county, new ElderRequests.RequestInput(elder, skill, content,
					today.plusDays(3 + i).toString(), 45));
		}
		return done;
	}

	private void move(RegionScope scope, long[] count, long from, long to, int minutes, TransferKind kind,
			String memo) {
		count[0]++;
		bank.transfer(scope, CALLER, "volunteering-demo-" + count[0],
				new TimeBank.TransferInput(from, to, BigDecimal.valueOf(minutes), kind.name(), memo));
	}

	static List<DemoProject> projectRows(LocalDate today) {
		return CsvRows.read("demo/volunteering-projects.csv").stream()
			.map(r -> new DemoProject(r[0], r[1], DemoDates.resolve(r[2], today), DemoDates.resolve(r[3], today),
					Boolean.parseBoolean(r[4]), Boolean.parseBoolean(r[5]), Integer.parseInt(r[6]), r[7], r[8], r[9]))
			.toList();
	}

	private static Map<String, String> texts() {
		return CsvRows.read("demo/volunteering-texts.csv").stream().collect(Collectors.toMap(r -> r[0], r -> r[1]));
	}


}
