package org.wushe.bench;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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

	static final String FIGURES = """
			activities, participants, beneficiaries, funds_yuan, materials_yuan,
			elderly_activities, elderly_beneficiaries, disabled_activities, disabled_beneficiaries,
			women_activities, women_beneficiaries, children_activities, children_beneficiaries,
			needy_activities, needy_beneficiaries, other_activities, other_beneficiaries""";

	/** The highest record id so far: the records loaded after it are the next {@link #addRollups} increment. */
	long lastId() {
		return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM activity").query(Long.class).single();
	}

	/**
	 * Adds the records with an id above {@code afterId} to the summary rows, level by level: the raw rows are read once
	 * and folded into day rows per recording region; each level's day rows are then summed from the level below (plus
	 * the records made at that level), and its month rows from its own day rows. So the cost is one scan of the new
	 * records plus sums over ever fewer rows, and growing a data set from 1M to 10M does not recompute the first 1M.
	 * The increment is merged into existing rows ({@code ON CONFLICT ... DO UPDATE}; this loader is PostgreSQL-only); into
	 * an empty table the rows are inserted without the primary key's index, which is built once at the end.
	 */
	void addRollups(long afterId) throws SQLException {
		String sums = sumsOf(FIGURES);
		try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
			boolean auto = c.getAutoCommit();
			c.setAutoCommit(false);
			st.execute("SET LOCAL work_mem = '512MB'");
			st.execute("SET LOCAL synchronous_commit = off");
			boolean empty;
			try (var rs = st.executeQuery("SELECT NOT EXISTS (SELECT 1 FROM activity_rollup)")) {
				rs.next();
				empty = rs.getBoolean(1);
			}
			if (empty) {
				// a first load: plain inserts without the key's index, which is then built once (far faster)
				st.execute("ALTER TABLE activity_rollup DROP CONSTRAINT activity_rollup_pkey");
			}
			st.execute("""
					CREATE TEMP TABLE rollup_new ON COMMIT DROP AS
					SELECT region_code, start_date AS day, campaign_id, COUNT(*) AS activities,
					    SUM(participants) AS participants, SUM(beneficiaries) AS beneficiaries,
					    SUM(funds_yuan) AS funds_yuan, SUM(materials_yuan) AS materials_yuan, %s
					FROM activity WHERE id > %d
					GROUP BY region_code, start_date, campaign_id
					""".formatted(domainSums(), afterId));
			int[] lengths = { 12, 9, 6, 4, 2, 0 };
			String below = null;
			for (int length : lengths) {
				String level = "rollup_level_" + length;
				String code = length == 0 ? "CAST('00' AS VARCHAR(12))" : "SUBSTRING(region_code, 1, " + length + ")";
				String own = length == 0 ? "region_code = '00'"
						: "LENGTH(region_code) = " + length + " AND region_code <> '00'";
				String source = below == null ? "SELECT * FROM rollup_new WHERE " + own
						: "SELECT * FROM " + below + " UNION ALL SELECT * FROM rollup_new WHERE " + own;
				st.execute("""
						CREATE TEMP TABLE %s ON COMMIT DROP AS
						SELECT %s AS region_code, day, campaign_id, %s FROM (%s) s GROUP BY 1, day, campaign_id
						""".formatted(level, code, sums, source));
				merge(st, level, "D", "day", empty);
				merge(st, level, "M", "CAST(DATE_TRUNC('month', day) AS DATE)", empty);
				if (below != null) {
					st.execute("DROP TABLE " + below);
				}
				below = level;
			}
			if (empty) {
				st.execute("ALTER TABLE activity_rollup ADD CONSTRAINT activity_rollup_pkey"
						+ " PRIMARY KEY (region_code, grain, period_start, campaign_id, stripe)");
			}
			c.commit();
			c.setAutoCommit(auto);
			st.execute("ANALYZE activity");
			st.execute("ANALYZE activity_rollup");
		}
	}

	private static void merge(Statement st, String level, String grain, String period, boolean plain)
			throws SQLException {
		StringBuilder update = new StringBuilder();
		for (String column : FIGURES.split(",")) {
			String col = column.strip();
			update.append(update.isEmpty() ? "" : ", ").append(col).append(" = activity_rollup.").append(col)
				.append(" + EXCLUDED.").append(col);
		}
		st.execute("""
				INSERT INTO activity_rollup (region_code, grain, period_start, campaign_id, stripe, %s)
				SELECT region_code, '%s', %s, campaign_id, 0, %s FROM %s GROUP BY region_code, 3, campaign_id
				%s""".formatted(FIGURES, grain, period, sumsOf(FIGURES), level, plain ? ""
				: "ON CONFLICT (region_code, grain, period_start, campaign_id, stripe) DO UPDATE SET " + update));
	}

	/** {@code SUM(a) AS a, SUM(b) AS b, ...} */
	private static String sumsOf(String columns) {
		StringBuilder s = new StringBuilder();
		for (String column : columns.split(",")) {
			String col = column.strip();
			s.append(s.isEmpty() ? "" : ", ").append("SUM(").append(col).append(") AS ").append(col);
		}
		return s.toString();
	}

	/** The domain columns in bit order of {@code activity.domains}. */
	private static final String[] DOMAINS = { "elderly", "disabled", "women", "children", "needy", "other" };

	private static String domainSums() {
		StringBuilder s = new StringBuilder();
		for (int bit = 0; bit < 6; bit++) {
			int p = 1 << bit;
			String has = "MOD(domains / " + p + ", 2) = 1";
			if (bit > 0) {
				s.append(", ");
			}
			String name = DOMAINS[bit];
			s.append("SUM(CASE WHEN ").append(has).append(" THEN 1 ELSE 0 END) AS ").append(name).append("_activities, ");
			s.append("SUM(CASE WHEN ").append(has).append(" THEN beneficiaries ELSE 0 END) AS ").append(name)
				.append("_beneficiaries");
		}
		return s.toString();
	}

}
