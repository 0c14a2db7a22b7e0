package org.wushe.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wushe.WusheApplication;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionScope;
import org.wushe.site.Coverage;
import org.wushe.site.SiteService;

/**
 * Coverage on PostgreSQL with the whole country's region tree and a country-wide network (about 90% of counties with
 * a centre, 70% of townships with a station, 40% of villages with a room), against the naive live count over the site
 * table. Not a test: run by hand against a local server, e.g.
 * {@code java -cp <test classpath> org.wushe.bench.SiteCoverageBenchmark [jdbc-url]}. It keeps its data in the
 * schema {@code wushe_bench_site}, so later runs skip loading.
 */
public final class SiteCoverageBenchmark {

	static final String SCHEMA = "wushe_bench_site";

	private SiteCoverageBenchmark() {
	}

	public static void main(String[] args) {
		String url = args.length > 0 && args[0].startsWith("jdbc:") ? args[0]
				: "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + SCHEMA + "&reWriteBatchedInserts=true";
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(WusheApplication.class).run(
				"--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
				"--spring.datasource.password=", "--spring.flyway.schemas=" + SCHEMA,
				"--spring.flyway.create-schemas=true", "--wushe.regions.load=foreground", "--wushe.demo.enabled=false",
				"--server.port=0", "--wushe.admin.password=benchmark-password-1", "--logging.level.root=WARN",
				"--wushe.data-dir=target/bench-data")) {
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			SiteService sites = context.getBean(SiteService.class);
			long n = jdbc.sql("SELECT COUNT(*) FROM site").query(Long.class).single();
			if (n > 0 && List.of(args).contains("--repopulate")) {
				jdbc.sql("DELETE FROM site").update();
				n = 0;
			}
			if (n == 0) {
				long t = System.nanoTime();
				populate(jdbc);
				System.out.printf("populated in %.1f s%n", (System.nanoTime() - t) / 1e9);
			}
			System.out.printf("regions %d, sites %d, tally rows %d%n",
					jdbc.sql("SELECT COUNT(*) FROM region").query(Long.class).single(),
					jdbc.sql("SELECT COUNT(*) FROM site").query(Long.class).single(),
					jdbc.sql("SELECT COUNT(*) FROM site_tally").query(Long.class).single());
			var everywhere = new RegionScope(RegionCode.COUNTRY);
			Coverage country = sites.coverage(RegionCode.COUNTRY, everywhere);
			System.out.printf("country: centres %d (%.1f%%), stations %d (%.1f%%), rooms %d (%.1f%%)%n",
					country.centres(), 100 * country.countyCoverage(), country.stations(),
					100 * country.townshipCoverage(), country.rooms(), 100 * country.villageCoverage());
			time("coverage 00 (country)", () -> sites.coverage(RegionCode.COUNTRY, everywhere));
			time("coverage 15 (province)", () -> sites.coverage(new RegionCode("15"), everywhere));
			time("coverage 150102 (county)", () -> sites.coverage(new RegionCode("150102"), everywhere));
			time("children of 00 (31 provinces)", () -> sites.childCoverage(RegionCode.COUNTRY, everywhere));
			time("children of 1501 (10 counties)", () -> sites.childCoverage(new RegionCode("1501"), everywhere));
			time("naive live count, country rooms", () -> jdbc.sql("""
					SELECT COUNT(*) FROM site WHERE site_type = 'ROOM' AND status = 'OPERATING'
					AND region_code >= :from AND region_code < :to
					""").param("from", "0").param("to", "A").query(Long.class).single());
			time("naive live count, country, 3 types", () -> jdbc.sql("""
					SELECT site_type, COUNT(*) FROM site WHERE status = 'OPERATING'
					AND region_code >= :from AND region_code < :to GROUP BY site_type
					""").param("from", "0").param("to", "A").query().listOfRows());
		}
	}

	static void time(String what, Supplier<?> call) {
		for (int i = 0; i < 20; i++) {
			call.get();
		}
		List<Double> ms = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			long t = System.nanoTime();
			call.get();
			ms.add((System.nanoTime() - t) / 1e6);
		}
		Collections.sort(ms);
		System.out.printf("%-36s median %7.2f ms  p95 %7.2f ms  max %7.2f ms%n", what, ms.get(100), ms.get(190),
				ms.get(199));
	}

	/** Sites straight into the tables (a bulk load, not the service), then the counters from them. */
	static void populate(JdbcClient jdbc) {
		String insert = """
				INSERT INTO site (site_type, region_code, active_region, name, name_initials, status, opened_on,
				  created_at, created_by, updated_at, updated_by, version, public_id)
				SELECT :type, code, code, name, '', :status, DATE '2023-01-01', CURRENT_TIMESTAMP, 'bench',
				  CURRENT_TIMESTAMP, 'bench', 0, CONCAT(LOWER(:type), code)
				FROM region WHERE level = :level AND MOD(CAST(SUBSTRING(code, 3) AS BIGINT) * 7919, 100) %s
				""";
		add(jdbc, insert, "CENTRE", 3, "< 90", "OPERATING");
		add(jdbc, insert, "CENTRE", 3, ">= 95", "PLANNED");
		add(jdbc, insert, "STATION", 4, "< 70", "OPERATING");
		add(jdbc, insert, "STATION", 4, ">= 90", "PLANNED");
		add(jdbc, insert, "ROOM", 5, "< 40", "OPERATING");
		add(jdbc, insert, "ROOM", 5, ">= 95", "SUSPENDED");
		jdbc.sql("DELETE FROM site_tally").update();
		jdbc.sql("""
				INSERT INTO site_tally (region_code, site_type, status, sites)
				SELECT code, site_type, status, COUNT(*) FROM (
				  SELECT '00' AS code, site_type, status FROM site
				  UNION ALL SELECT SUBSTRING(region_code, 1, 2), site_type, status FROM site
				  UNION ALL SELECT SUBSTRING(region_code, 1, 4), site_type, status FROM site
				  UNION ALL SELECT SUBSTRING(region_code, 1, 6), site_type, status FROM site
				  UNION ALL SELECT SUBSTRING(region_code, 1, 9), site_type, status FROM site WHERE LENGTH(region_code) >= 9
				  UNION ALL SELECT region_code, site_type, status FROM site WHERE LENGTH(region_code) = 12
				) x GROUP BY code, site_type, status
				""").update();
		jdbc.sql("ANALYZE").update();
	}

	private static void add(JdbcClient jdbc, String insert, String type, int level, String filter, String status) {
		jdbc.sql(insert.formatted(filter))
			.param("type", type)
			.param("status", status)
			.param("level", level)
			.update();
	}

}
