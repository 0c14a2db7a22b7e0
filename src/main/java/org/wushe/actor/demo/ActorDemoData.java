package org.wushe.actor.demo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.wushe.personal.CreditCode;
import org.wushe.personal.IdNumber;
import org.wushe.actor.Qualification;
import org.wushe.actor.organization.Organization;
import org.wushe.actor.organization.OrganizationInput;
import org.wushe.actor.organization.OrganizationService;
import org.wushe.actor.volunteer.VolunteerInput;
import org.wushe.actor.volunteer.VolunteerService;
import org.wushe.actor.worker.WorkerInput;
import org.wushe.actor.worker.SocialWorkerService;
import org.wushe.region.Region;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionScope;
import org.wushe.region.RegionTreeLoaded;
import org.wushe.region.Regions;
import org.wushe.shared.CsvRows;
import org.wushe.shared.DemoOrder;

/**
 * Demo registries for the embedded default ({@code wushe.demo.enabled=true}), once the region tree is loaded: in a few
 * counties of several Inner Mongolia leagues, social organizations with valid credit codes, social workers with
 * checksum-valid (obviously made-up) ID numbers and a mix of qualifications, and volunteers. Names and texts come from
 * {@code classpath:demo/*.csv}. Runs once: skipped when demo organizations exist.
 */
@Component
class ActorDemoData {

	private static final Logger log = LoggerFactory.getLogger(ActorDemoData.class);

	/** 呼和浩特市, 包头市, 赤峰市, 鄂尔多斯市, 呼伦贝尔市, 锡林郭勒盟. */
	static final List<String> LEAGUES = List.of("1501", "1502", "1504", "1506", "1507", "1525");

	static final int COUNTIES_PER_LEAGUE = 2;

	static final int WORKERS_PER_COUNTY = 6;

	static final int VOLUNTEERS_PER_COUNTY = 12;

	/** A believable mix: most workers hold no or the assistant qualification. */
	static final List<Qualification> MIX = List.of(Qualification.NONE, Qualification.ASSISTANT_SOCIAL_WORKER,
			Qualification.NONE, Qualification.SOCIAL_WORKER, Qualification.ASSISTANT_SOCIAL_WORKER,
			Qualification.SENIOR_SOCIAL_WORKER, Qualification.NONE);

	private final boolean enabled;

	private final Regions regions;

	private final OrganizationService organizations;

	private final SocialWorkerService workers;

	private final VolunteerService volunteers;

	private final JdbcClient jdbc;

	ActorDemoData(@Value("${wushe.demo.enabled:false}") boolean enabled, Regions regions,
			OrganizationService organizations, SocialWorkerService workers, VolunteerService volunteers,
			JdbcClient jdbc) {
		this.enabled = enabled;
		this.regions = regions;
		this.organizations = organizations;
		this.workers = workers;
		this.volunteers = volunteers;
		this.jdbc = jdbc;
	}

	@EventListener
	@Order(DemoOrder.REGISTRIES)
	void onRegionTreeLoaded(RegionTreeLoaded event) {
		if (!enabled || alreadyThere()) {
			return;
		}
		List<String[]> orgRows = csv("demo/organizations.csv");
		List<String[]> people = csv("demo/people.csv");
		List<String[]> volunteering = csv("demo/volunteering.csv");
		RegionScope all = new RegionScope(RegionCode.COUNTRY);
		int orgCount = 0;
		int workerCount = 0;
		int volunteerCount = 0;
		int n = 0;
		for (String league : LEAGUES) {
			RegionCode leagueCode = RegionCode.parse(league);
			if (regions.find(leagueCode).isEmpty()) {
				continue;
			}
			List<Region> counties = regions.children(leagueCode);
			for (Region county : counties.subList(0, Math.min(COUNTIES_PER_LEAGUE, counties.size()))) {
				List<Region> townships = regions.children(county.code());
				if (townships.isEmpty()) {
					continue;
				}
				List<Long> employers = new ArrayList<>();
				for (int i = 0; i < orgRows.size(); i++) {
					String[] row = orgRows.get(i);
					Region township = townships.get(i % townships.size());
					boolean onTownship = row[2].contains("{township}");
					String name = row[2].replace("{county}", county.name()).replace("{township}", township.name());
					Organization o = organizations.register(new OrganizationInput(name,
							creditCode(row[0], county.code().value(), ++n), row[0],
							onTownship ? township.code().value() : county.code().value(), people.get(n % people.size())[0],
							people.get((n + 3) % people.size())[0], phone(n), null,
							Arrays.asList(row[1].split(";")), "ACTIVE", "2019-0" + (1 + n % 9) + "-15"), all);
					if (!"COMMUNITY_GROUP".equals(row[0])) {
						employers.add(o.id());
					}
					orgCount++;
				}
				for (int i = 0; i < WORKERS_PER_COUNTY; i++) {
					String[] person = people.get((n + i) % people.size());
					Qualification q = MIX.get(workerCount % MIX.size());
					Region township = townships.get(i % townships.size());
					workers.register(new WorkerInput(person[0], person[1], idNumber(county.code().value(), ++n,
							"MALE".equals(person[1])), phone(n), q.name(),
							q.certified() ? "DEMO" + county.code().value() + String.format("%04d", n) : null,
							employers.get(i % employers.size()).toString(), township.code().value(),
							i == 0 ? "SUPERVISOR" : "STATION_WORKER", "ACTIVE", List.of()), all);
					workerCount++;
				}
				List<String> teams = values(volunteering, "team");
				List<String> skills = values(volunteering, "skill");
				for (int i = 0; i < VOLUNTEERS_PER_COUNTY; i++) {
					String[] person = people.get((n * 7 + i) % people.size());
					Region township = townships.get(i % townships.size());
					String team = teams.get(i % teams.size())
						.replace("{county}", county.name())
						.replace("{township}", township.name());
					volunteers.register(new VolunteerInput(person[0],
							idNumber(county.code().value(), ++n, "MALE".equals(person[1])), phone(n),
							township.code().value(), List.of(team),
							List.of(skills.get(i % skills.size()), skills.get((i + 3) % skills.size())), "ACTIVE"), all);
					volunteerCount++;
				}
			}
		}
		log.info("Demo registries: {} organizations, {} social workers, {} volunteers", orgCount, workerCount,
				volunteerCount);
	}

	private boolean alreadyThere() {
		return jdbc.sql("SELECT COUNT(*) FROM social_worker WHERE certificate_number LIKE :marker")
			.param("marker", "DEMO%")
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * A checksum-valid ID number on {@code county}: birth on the first of a month, sequence from the demo counter, odd
	 * for men and even for women. Made up, but valid by GB 11643.
	 */
	static String idNumber(String county, int n, boolean male) {
		int year = 1965 + n % 35;
		int month = 1 + n / 35 % 12;
		int sequence = (n % 499) * 2 + (male ? 1 : 2);
		String first17 = county + String.format("%04d%02d01%03d", year, month, sequence);
		return first17 + IdNumber.checkChar(first17);
	}

	/** A valid credit code of a 民政-registered organization: category by kind, body {@code MJ} and six digits. */
	static String creditCode(String kind, String county, int n) {
		String category = switch (kind) {
			case "SOCIAL_WORK_AGENCY" -> "2";
			case "FOUNDATION" -> "3";
			case "OTHER" -> "9";
			default -> "1";
		};
		String body = "MJ" + String.format("%06d", n % 1_000_000);
		String first17 = "5" + category + county + body + CreditCode.organizationCheckChar(body);
		return first17 + CreditCode.checkChar(first17);
	}

	/** A mobile number of the obviously made-up range 138 0471 xxxx. */
	static String phone(int n) {
		return "1380471" + String.format("%04d", n % 10_000);
	}

	private static List<String> values(List<String[]> rows, String type) {
		return rows.stream().filter(r -> r[0].equals(type)).map(r -> r[1]).toList();
	}

	static List<String[]> csv(String path) {
		return CsvRows.read(path);
	}

}
