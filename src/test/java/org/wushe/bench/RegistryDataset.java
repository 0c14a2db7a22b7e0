package org.wushe.bench;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A deterministic (seeded) national network and registries over the real tree, loaded into PostgreSQL with COPY:
 * sites at realistic partial coverage (centres on most counties, stations on most townships, rooms on some villages),
 * social organizations, social workers and volunteers. The counters the application keeps at write time
 * ({@code site_tally}, {@code actor_tally}) are then rebuilt from the rows in bulk with the same definition, so the
 * application reads the same figures as if every row had been registered through it.
 * <p>
 * The personal-data columns hold placeholders of the right shape (the rows are counted, never revealed).
 */
final class RegistryDataset {

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final long seed;

	RegistryDataset(JdbcClient jdbc, DataSource dataSource, long seed) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.seed = seed;
	}

	/** Rows already there, by table. */
	long count(String table) {
		return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE created_by = 'bench'").query(Long.class).single();
	}

	/** Loads the network and registries unless they are there, then rebuilds the counters; returns a summary. */
	String load(long volunteers, long workers, long organizations) throws SQLException, IOException {
		StringBuilder done = new StringBuilder();
		long t0 = System.nanoTime();
		if (count("site") == 0) {
			sites();
		}
		if (count("organization") == 0) {
			organizations(organizations);
		}
		if (count("social_worker") == 0) {
			workers(workers);
		}
		if (count("volunteer") < volunteers) {
			volunteers(count("volunteer"), volunteers);
		}
		long t1 = System.nanoTime();
		rebuildCounters();
		long t2 = System.nanoTime();
		done.append(String.format(Locale.ROOT,
				"Registries: %,d sites, %,d organizations, %,d social workers, %,d volunteers (loaded in %.1f s); "
						+ "counters rebuilt in %.1f s",
				count("site"), count("organization"), count("social_worker"), count("volunteer"), (t1 - t0) / 1e9,
				(t2 - t1) / 1e9));
		return done.toString();
	}

	private List<String> codes(int level) {
		return jdbc.sql("SELECT code FROM region WHERE level = :l ORDER BY code").param("l", level)
			.query(String.class).list();
	}

	private void sites() throws SQLException, IOException {
		SplittableRandom random = new SplittableRandom(seed ^ 0x5173);
		StringBuilder out = new StringBuilder(16 << 20);
		String[][] tiers = { { "3", "CENTRE", "0.96" }, { "4", "STATION", "0.72" }, { "5", "ROOM", "0.38" } };
		try (Connection c = dataSource.getConnection()) {
			CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
			String sql = """
					COPY site (site_type, region_code, active_region, name, name_initials, status, opened_on,
					    created_at, created_by, updated_at, updated_by) FROM STDIN WITH (FORMAT text)""";
			for (String[] tier : tiers) {
				double rate = Double.parseDouble(tier[2]);
				for (String code : codes(Integer.parseInt(tier[0]))) {
					if (random.nextDouble() >= rate) {
						continue;
					}
					String status = random.nextDouble() < 0.08 ? "PLANNED"
							: random.nextDouble() < 0.03 ? "SUSPENDED" : "OPERATING";
					LocalDate opened = status.equals("PLANNED") ? null
							: LocalDate.of(2021, 1, 1).plusDays(random.nextInt(365 * 4));
					out.append(tier[1]).append('\t').append(code).append('\t').append(code).append('\t')
						.append("bench ").append(tier[1]).append(' ').append(code).append('\t').append("bench")
						.append('\t').append(status).append('\t').append(opened == null ? "\\N" : opened.toString())
						.append("\t2025-01-01 00:00:00+08\tbench\t2025-01-01 00:00:00+08\tbench\n");
					if (out.length() > (15 << 20)) {
						copy.copyIn(sql, new StringReader(out.toString()));
						out.setLength(0);
					}
				}
			}
			if (out.length() > 0) {
				copy.copyIn(sql, new StringReader(out.toString()));
			}
		}
	}

	private List<String> places() {
		// registries sit on counties (a tenth), townships (a third) and villages (the rest), like real registrations
		return codes(5);
	}

	private static String place(SplittableRandom r, List<String> villages) {
		String v = villages.get(r.nextInt(villages.size()));
		double d = r.nextDouble();
		return d < 0.1 ? v.substring(0, 6) : d < 0.43 ? v.substring(0, 9) : v;
	}

	private void organizations(long n) throws SQLException, IOException {
		List<String> villages = places();
		SplittableRandom random = new SplittableRandom(seed ^ 0x0e9a);
		String[] kinds = { "SOCIAL_WORK_AGENCY", "INDUSTRY_ASSOCIATION", "FOUNDATION", "COMMUNITY_GROUP", "OTHER" };
		// a quarter are social-work agencies, most of the rest community groups
		double[] upTo = { 0.25, 0.30, 0.32, 0.92, 1.0 };
		copyRows("""
				COPY organization (name, name_initials, credit_code, credit_code_warning, kind, region_code, status,
				    created_at, created_by, updated_at, updated_by) FROM STDIN WITH (FORMAT text)""", n, (i, out) -> {
			double k = random.nextDouble();
			int kind = 0;
			while (k >= upTo[kind] && kind < kinds.length - 1) {
				kind++;
			}
			String status = random.nextDouble() < 0.05 ? "DEREGISTERED" : "ACTIVE";
			out.append("bench org ").append(i).append("\tbench\t").append(String.format(Locale.ROOT, "B%017d", i))
				.append("\tf\t").append(kinds[kind]).append('\t').append(place(random, villages)).append('\t')
				.append(status).append("\t2025-01-01 00:00:00+08\tbench\t2025-01-01 00:00:00+08\tbench\n");
		});
	}

	private void workers(long n) throws SQLException, IOException {
		List<String> villages = places();
		SplittableRandom random = new SplittableRandom(seed ^ 0x50c1);
		String[] qualifications = { "NONE", "ASSISTANT_SOCIAL_WORKER", "SOCIAL_WORKER", "SENIOR_SOCIAL_WORKER" };
		copyRows("""
				COPY social_worker (name, name_initials, gender, id_number_cipher, id_number_hash, id_number_masked,
				    qualification, region_code, post, status, created_at, created_by, updated_at, updated_by)
				FROM STDIN WITH (FORMAT text)""", n, (i, out) -> {
			double q = random.nextDouble();
			String qualification = qualifications[q < 0.55 ? 0 : q < 0.85 ? 1 : q < 0.99 ? 2 : 3];
			String status = random.nextDouble() < 0.07 ? "LEFT" : "ACTIVE";
			out.append("bench worker ").append(i).append("\tbench\t").append(random.nextBoolean() ? "FEMALE" : "MALE")
				.append("\tbench\t").append(String.format(Locale.ROOT, "bench-w-%d", i)).append("\t1501**********123X\t")
				.append(qualification).append('\t').append(place(random, villages)).append("\tSTATION_WORKER\t")
				.append(status).append("\t2025-01-01 00:00:00+08\tbench\t2025-01-01 00:00:00+08\tbench\n");
		});
	}

	private void volunteers(long from, long to) throws SQLException, IOException {
		List<String> villages = places();
		copyRows("""
				COPY volunteer (volunteer_number, name, name_initials, id_number_cipher, id_number_hash,
				    id_number_masked, region_code, status, created_at, created_by, updated_at, updated_by)
				FROM STDIN WITH (FORMAT text)""", to - from, (j, out) -> {
			long i = from + j;
			// row i is the same whatever the batch, so the volunteers can be grown like the activities
			SplittableRandom random = new SplittableRandom(seed * 1_000_003L + i);
			String status = random.nextDouble() < 0.04 ? "WITHDRAWN" : "ACTIVE";
			out.append(String.format(Locale.ROOT, "B%019d", i)).append("\tbench volunteer\tbench\tbench\t")
				.append("bench-v-").append(i).append("\t1501**********123X\t").append(place(random, villages))
				.append('\t').append(status)
				.append("\t2025-01-01 00:00:00+08\tbench\t2025-01-01 00:00:00+08\tbench\n");
		});
	}

	@FunctionalInterface
	interface Row {

		void write(long i, StringBuilder out);

	}

	private void copyRows(String sql, long n, Row row) throws SQLException, IOException {
		try (Connection c = dataSource.getConnection()) {
			CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
			StringBuilder out = new StringBuilder(16 << 20);
			for (long i = 0; i < n; i++) {
				row.write(i, out);
				if (out.length() > (15 << 20)) {
					copy.copyIn(sql, new StringReader(out.toString()));
					out.setLength(0);
				}
			}
			if (out.length() > 0) {
				copy.copyIn(sql, new StringReader(out.toString()));
			}
		}
	}

	/** The counters of every site and registry row, on its region and each ancestor (as the application keeps them). */
	private void rebuildCounters() {
		String levels = """
				JOIN (SELECT 0 AS len UNION ALL SELECT 2 UNION ALL SELECT 4 UNION ALL SELECT 6 UNION ALL SELECT 9
				      UNION ALL SELECT 12) l ON l.len <= LENGTH(c.region_code)""";
		String region = "CASE WHEN l.len = 0 THEN '00' ELSE SUBSTRING(c.region_code, 1, l.len) END";
		jdbc.sql("DELETE FROM site_tally").update();
		jdbc.sql("INSERT INTO site_tally (region_code, site_type, status, sites) SELECT " + region
				+ ", c.site_type, c.status, COUNT(*) FROM site c " + levels + " GROUP BY " + region
				+ ", c.site_type, c.status").update();
		jdbc.sql("DELETE FROM actor_tally").update();
		jdbc.sql("INSERT INTO actor_tally (region_code, category, entries) SELECT " + region
				+ ", c.category, COUNT(*) FROM (" + """
						SELECT region_code, CASE WHEN kind = 'SOCIAL_WORK_AGENCY' THEN 'AGENCY' ELSE 'ORGANIZATION' END
						    AS category
						FROM organization WHERE status <> 'DEREGISTERED'
						UNION ALL
						SELECT region_code, CASE WHEN qualification <> 'NONE' THEN 'CERTIFIED_WORKER' ELSE 'WORKER' END
						FROM social_worker WHERE status <> 'LEFT'
						UNION ALL
						SELECT region_code, 'VOLUNTEER' FROM volunteer WHERE status <> 'WITHDRAWN'
						""" + ") c " + levels + " GROUP BY " + region + ", c.category").update();
		jdbc.sql("ANALYZE").update();
	}

}
