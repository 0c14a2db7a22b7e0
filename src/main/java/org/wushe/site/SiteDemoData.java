package org.wushe.site;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.wushe.region.Region;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionTreeLoaded;
import org.wushe.region.Regions;
import org.wushe.shared.CsvRows;
import org.wushe.shared.cluster.ClusterLock;

/**
 * A believable Inner Mongolia network for the embedded demo: several leagues and cities with centres, stations and
 * rooms at partial coverage ({@code demo/site-network.csv}), texts from {@code demo/site-texts.csv}. Deterministic
 * (fixed seed), created once after the region tree is loaded, and only when {@code wushe.demo.enabled}.
 */
@Component
class SiteDemoData {

	private static final Logger log = LoggerFactory.getLogger(SiteDemoData.class);

	static final String CREATOR = "system";

	/** The demo township accounts sit here; it always gets its station. */
	static final RegionCode DEMO_TOWNSHIP = new RegionCode("150102001");

	private final boolean enabled;

	private final Regions regions;

	private final SiteService sites;

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final ClusterLock lock;

	SiteDemoData(@Value("${wushe.demo.enabled:false}") boolean enabled, Regions regions, SiteService sites,
			JdbcClient jdbc, PlatformTransactionManager transactions, ClusterLock lock) {
		this.enabled = enabled;
		this.lock = lock;
		this.regions = regions;
		this.sites = sites;
		this.jdbc = jdbc;
		this.tx = new TransactionTemplate(transactions);
	}

	@Async
	@EventListener
	void onRegionTreeLoaded(RegionTreeLoaded event) {
		if (!enabled) {
			return;
		}
		// once across nodes started together
		lock.run("site-demo", this::createNetworkOnce);
	}

	private void createNetworkOnce() {
		Long existing = jdbc.sql("SELECT COUNT(*) FROM site").query(Long.class).single();
		if (existing > 0) {
			return;
		}
		try {
			long created = create(prefecture -> true);
			log.info("Demo network created: {} sites", created);
		}
		catch (RuntimeException ex) {
			log.warn("Demo network not created", ex);
		}
	}

	/** Creates the network of the listed leagues and cities that {@code wanted} accepts; answers the sites created. */
	long create(Predicate<RegionCode> wanted) {
		Map<String, String> texts = texts();
		long total = 0;
		for (String[] line : csv("demo/site-network.csv")) {
			RegionCode prefecture = new RegionCode(line[0]);
			if (!wanted.test(prefecture) || regions.find(prefecture).isEmpty()) {
				continue;
			}
			// one seed per league or city: the same network whichever of them are created
			Random random = new Random(20240305L + Long.parseLong(line[0]));
			double[] rates = { Double.parseDouble(line[1]), Double.parseDouble(line[2]), Double.parseDouble(line[3]) };
			double planned = Double.parseDouble(line[4]);
			List<SiteRules.Checked> batch = new ArrayList<>();
			for (Region county : regions.children(prefecture)) {
				add(batch, SiteType.CENTRE, county, rates[0], planned, random, texts);
				for (Region township : regions.children(county.code())) {
					add(batch, SiteType.STATION, township, rates[1], planned, random, texts);
					for (Region village : regions.children(township.code())) {
						add(batch, SiteType.ROOM, village, rates[2], planned, random, texts);
					}
				}
			}
			tx.executeWithoutResult(s -> {
				Map<SiteTally.Key, Integer> deltas = new HashMap<>();
				sites.storeChecked(batch, deltas);
				sites.applyTally(deltas);
			});
			total += batch.size();
		}
		return total;
	}

	private void add(List<SiteRules.Checked> batch, SiteType type, Region region, double rate, double planned,
			Random random, Map<String, String> texts) {
		boolean forced = region.code().equals(DEMO_TOWNSHIP);
		if (!forced && random.nextDouble() >= rate) {
			return;
		}
		SiteStatus status = !forced && random.nextDouble() < planned ? SiteStatus.PLANNED
				: !forced && random.nextDouble() < 0.03 ? SiteStatus.SUSPENDED : SiteStatus.OPERATING;
		LocalDate opened = status == SiteStatus.PLANNED ? null
				: LocalDate.of(2021, 1, 1).plusDays(random.nextInt(365 * 4));
		LocalDate suspended = status == SiteStatus.SUSPENDED ? opened.plusDays(200 + random.nextInt(300)) : null;
		String name = region.name() + texts.get("suffix." + type.name());
		List<ServiceItem> items = new ArrayList<>();
		for (String item : texts.get("items." + type.name()).split("\\|")) {
			items.add(SiteImport.item(item));
		}
		List<StaffMember> staff = new ArrayList<>();
		if (type != SiteType.ROOM || random.nextDouble() < 0.5) {
			String[] posts = texts.get("posts").split("\\|");
			int n = type == SiteType.ROOM ? 1 : 2 + random.nextInt(2);
			for (int i = 0; i < n; i++) {
				staff.add(new StaffMember(personName(random, texts), posts[Math.min(i, posts.length - 1)],
						String.format("139%08d", random.nextInt(100_000_000)), i == 0, null));
			}
		}
		batch.add(new SiteRules.Checked(type, region.code(), name, region.name() + texts.get("address.suffix"),
				String.format("0471-%07d", 6_000_000 + random.nextInt(1_000_000)), texts.get("hours." + type.name()),
				texts.get("content." + type.name()), items, staff, texts.get("process." + type.name()), status,
				status == SiteStatus.PLANNED ? LocalDate.of(2025, 1, 1).plusDays(random.nextInt(300)) : null, opened,
				suspended, null, null, null));
	}

	private static String personName(Random random, Map<String, String> texts) {
		String[] surnames = texts.get("surnames").split("\\|");
		String[] given = texts.get("given").split("\\|");
		return surnames[random.nextInt(surnames.length)] + given[random.nextInt(given.length)];
	}

	private static Map<String, String> texts() {
		Map<String, String> texts = new HashMap<>();
		for (String[] line : csv("demo/site-texts.csv")) {
			texts.put(line[0], line[1]);
		}
		return texts;
	}

	/** The rows of a CSV file after its header (a value with a comma is quoted). */
	private static List<String[]> csv(String path) {
		return CsvRows.read(path);
	}

}
