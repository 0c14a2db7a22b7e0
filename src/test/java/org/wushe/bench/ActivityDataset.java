package org.wushe.bench;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A deterministic (seeded) data set of activity records over the real national tree, loaded into PostgreSQL with
 * COPY, and the summary rows built from it in bulk with the same definition as the transactional writer (one row per
 * region at every level, grain day and month, campaign; stripe 0). Row {@code i} is the same for a given seed whatever
 * the batch size, so a data set can be grown from 1M to 10M rows.
 * <p>
 * The year is 2025. Records sit on villages (90%) and townships (10%) drawn uniformly from the tree; dates follow a
 * realistic year: weekdays more than weekends, a peak in the theme-campaign window (3/17–3/31) and around
 * 重阳节/国际志愿者日, quiet around the Spring Festival.
 */
final class ActivityDataset {

	static final LocalDate YEAR_START = LocalDate.of(2025, 1, 1);

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final long seed;

	private final List<String> villages;

	private final List<String> townships;

	private final double[] dayWeights = new double[365];

	private final double[] cumulative = new double[365];

	ActivityDataset(JdbcClient jdbc, DataSource dataSource, long seed) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.seed = seed;
		this.villages = jdbc.sql("SELECT code FROM region WHERE level = 5 ORDER BY code").query(String.class).list();
		this.townships = jdbc.sql("SELECT code FROM region WHERE level = 4 ORDER BY code").query(String.class).list();
		double sum = 0;
		for (int d = 0; d < 365; d++) {
			LocalDate day = YEAR_START.plusDays(d);
			double w = day.getDayOfWeek().getValue() >= 6 ? 0.6 : 1.0;
			if (!day.isBefore(LocalDate.of(2025, 3, 17)) && !day.isAfter(LocalDate.of(2025, 3, 31))) {
				w *= 4;
			}
			if (!day.isBefore(LocalDate.of(2025, 1, 25)) && !day.isAfter(LocalDate.of(2025, 2, 8))) {
				w *= 0.2;
			}
			if (day.equals(LocalDate.of(2025, 10, 29)) || day.equals(LocalDate.of(2025, 12, 5))) {
				w *= 5;
			}
			dayWeights[d] = w;
			sum += w;
			cumulative[d] = sum;
		}
		for (int d = 0; d < 365; d++) {
			cumulative[d] /= sum;
		}
	}

	/** Creates the two campaigns of the year (the theme campaign and everyday services) if absent; returns their ids. */
	long[] campaigns() {
		long[] ids = new long[2];
		String[][] defs = { { "bench-theme", "2025-03-17", "2025-03-31" }, { "bench-daily", "2025-01-01", "2025-12-31" } };
		for (int i = 0; i < 2; i++) {
			String name = defs[i][0];
			Long id = jdbc.sql("SELECT id FROM campaign WHERE name = :n").param("n", name).query(Long.class).optional()
				.orElse(null);
			if (id == null) {
				jdbc.sql("""
						INSERT INTO campaign (name, theme, region_code, reporting_level, start_date, end_date,
						    table_title, created_at, created_by, updated_at, updated_by)
						VALUES (:n, :n, '00', 1, :s, :e, :n, CURRENT_TIMESTAMP, 'bench', CURRENT_TIMESTAMP, 'bench')
						""").param("n", name).param("s", LocalDate.parse(defs[i][1])).param("e", LocalDate.parse(defs[i][2]))
					.update();
				id = jdbc.sql("SELECT id FROM campaign WHERE name = :n").param("n", name).query(Long.class).single();
			}
			ids[i] = id;
		}
		return ids;
	}

	/** Appends rows {@code from} (inclusive) to {@code to} (exclusive) with COPY, in chunks. */
	void load(long from, long to, long[] campaigns) throws SQLException, IOException {
		try (Connection c = dataSource.getConnection()) {
			CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
			StringBuilder chunk = new StringBuilder(16 << 20);
			for (long i = from; i < to; i++) {
				row(i, campaigns, chunk);
				if (chunk.length() > (15 << 20)) {
					copy.copyIn(COPY, new StringReader(chunk.toString()));
					chunk.setLength(0);
				}
			}
			if (chunk.length() > 0) {
				copy.copyIn(COPY, new StringReader(chunk.toString()));
			}
		}
	}

	static final String COPY = """
			COPY activity (campaign_id, region_code, name, units, participants, start_date, end_date, place, content,
			    domains, beneficiaries, funds_yuan, materials_yuan, remarks, outside_window, created_at, created_by,
			    updated_at, updated_by) FROM STDIN WITH (FORMAT text)""";

	private void row(long i, long[] campaigns, StringBuilder out) {
		SplittableRandom r = new SplittableRandom(seed * 1_000_003L + i);
		String region = r.nextInt(10) == 0 ? townships.get(r.nextInt(townships.size()))
				: villages.get(r.nextInt(villages.size()));
		int day = day(r.nextDouble());
		LocalDate start = YEAR_START.plusDays(day);
		LocalDate end = r.nextInt(5) == 0 ? start.plusDays(1 + r.nextInt(2)) : start;
		boolean theme = day >= 75 && day <= 89 && r.nextInt(3) > 0;
		int participants = 5 + (int) Math.round(Math.exp(r.nextDouble() * 4));
		int beneficiaries = participants + (int) Math.round(Math.exp(r.nextDouble() * 5));
		int domains = 1 << r.nextInt(6);
		if (r.nextInt(4) == 0) {
			domains |= 1 << r.nextInt(6);
		}
		BigDecimal funds = r.nextInt(5) == 0 ? BigDecimal.valueOf(100 + r.nextInt(50_000), 0).setScale(2)
				: new BigDecimal("0.00");
		BigDecimal materials = r.nextInt(4) == 0 ? BigDecimal.valueOf(r.nextInt(2_000_000), 2) : new BigDecimal("0.00");
		out.append(theme ? campaigns[0] : campaigns[1]).append('\t')
			.append(region).append('\t')
			.append("activity ").append(i).append('\t')
			.append("station ").append(region).append('\t')
			.append(participants).append('\t')
			.append(start).append('\t')
			.append(end).append('\t')
			.append("place ").append(i % 1000).append('\t')
			.append("content").append('\t')
			.append(domains).append('\t')
			.append(beneficiaries).append('\t')
			.append(funds.toPlainString()).append('\t')
			.append(materials.toPlainString()).append('\t')
			.append("\\N").append('\t')
			.append(theme || r.nextInt(50) > 0 ? "f" : "t").append('\t')
			.append("2025-12-31 12:00:00+08").append('\t')
			.append("bench").append('\t')
			.append("2025-12-31 12:00:00+08").append('\t')
			.append("bench").append('\n');
	}

	private int day(double u) {
		int lo = 0;
		int hi = 364;
		while (lo < hi) {
			int mid = (lo + hi) >>> 1;
			if (cumulative[mid] < u) {
				lo = mid + 1;
			}
			else {
				hi = mid;
			}
		}
		return lo;
	}

	/** Rebuilds every summary row from the raw records, level by level and grain by grain. */
	void rebuildRollups() {
		jdbc.sql("DELETE FROM activity_rollup").update();
		int[] lengths = { 0, 2, 4, 6, 9, 12 };
		for (int length : lengths) {
			String code = length == 0 ? "'00'" : "SUBSTRING(region_code, 1, " + length + ")";
			String where = length == 0 ? "" : " WHERE LENGTH(region_code) >= " + length;
			for (String grain : new String[] { "D", "M" }) {
				String period = grain.equals("D") ? "start_date" : "CAST(DATE_TRUNC('month', start_date) AS DATE)";
				jdbc.sql("""
						INSERT INTO activity_rollup (region_code, grain, period_start, campaign_id, stripe, activities,
						    participants, beneficiaries, funds_yuan, materials_yuan,
						    elderly_activities, elderly_beneficiaries, disabled_activities, disabled_beneficiaries,
						    women_activities, women_beneficiaries, children_activities, children_beneficiaries,
						    needy_activities, needy_beneficiaries, other_activities, other_beneficiaries)
						SELECT %s, '%s', %s, campaign_id, 0, COUNT(*), SUM(participants), SUM(beneficiaries),
						    SUM(funds_yuan), SUM(materials_yuan), %s
						FROM activity%s
						GROUP BY 1, 3, campaign_id
						""".formatted(code, grain, period, domainSums(), where)).update();
			}
		}
		jdbc.sql("ANALYZE activity").update();
		jdbc.sql("ANALYZE activity_rollup").update();
	}

	private static String domainSums() {
		StringBuilder s = new StringBuilder();
		for (int bit = 0; bit < 6; bit++) {
			int p = 1 << bit;
			String has = "MOD(domains / " + p + ", 2) = 1";
			if (bit > 0) {
				s.append(", ");
			}
			s.append("SUM(CASE WHEN ").append(has).append(" THEN 1 ELSE 0 END), ");
			s.append("SUM(CASE WHEN ").append(has).append(" THEN beneficiaries ELSE 0 END)");
		}
		return s.toString();
	}

}
