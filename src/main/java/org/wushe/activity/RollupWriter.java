package org.wushe.activity;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionLevel;

/**
 * Keeps {@code activity_rollup} exact: every write of activity records hands its added and removed contributions to
 * {@link #apply} inside its own transaction, so the summaries commit or roll back together with the records.
 * <p>
 * A change set is first folded in memory into one delta per summary row (an import of 100k rows touches each row
 * once). Rows are then locked in {@link RollupKey} order: {@code UPDATE … SET x = x + ?}; when the row does not exist
 * yet, an {@code INSERT} under a savepoint, and if a concurrent writer inserted it first, back to the savepoint and
 * {@code UPDATE} again. Each key is settled before the next is touched, so the lock order holds.
 * <p>
 * Rows of the country and the provinces are striped: each change set picks one of {@code stripes} rows at random, so
 * concurrent writers rarely queue for the same row; readers sum the stripes.
 */
@Component
class RollupWriter {

	private static final String UPDATE = """
			UPDATE activity_rollup SET activities = activities + ?, participants = participants + ?,
			    beneficiaries = beneficiaries + ?, funds_yuan = funds_yuan + ?, materials_yuan = materials_yuan + ?,
			    elderly_activities = elderly_activities + ?, elderly_beneficiaries = elderly_beneficiaries + ?,
			    disabled_activities = disabled_activities + ?, disabled_beneficiaries = disabled_beneficiaries + ?,
			    women_activities = women_activities + ?, women_beneficiaries = women_beneficiaries + ?,
			    children_activities = children_activities + ?, children_beneficiaries = children_beneficiaries + ?,
			    needy_activities = needy_activities + ?, needy_beneficiaries = needy_beneficiaries + ?,
			    other_activities = other_activities + ?, other_beneficiaries = other_beneficiaries + ?
			WHERE region_code = ? AND grain = ? AND period_start = ? AND campaign_id = ? AND stripe = ?
			""";

	private static final String INSERT = """
			INSERT INTO activity_rollup (activities, participants, beneficiaries, funds_yuan, materials_yuan,
			    elderly_activities, elderly_beneficiaries, disabled_activities, disabled_beneficiaries,
			    women_activities, women_beneficiaries, children_activities, children_beneficiaries,
			    needy_activities, needy_beneficiaries, other_activities, other_beneficiaries,
			    region_code, grain, period_start, campaign_id, stripe)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			""";

	private final JdbcTemplate jdbc;

	private final int stripes;

	RollupWriter(JdbcTemplate jdbc, @Value("${wushe.activity.rollup.stripes:8}") int stripes) {
		this.jdbc = jdbc;
		this.stripes = Math.max(1, stripes);
	}

	/** A new, empty change set on a randomly chosen stripe. */
	Changes changes() {
		return new Changes(ThreadLocalRandom.current().nextInt(stripes));
	}

	/** The summary rows a change set touches, with their deltas, in lock order. */
	static final class Changes {

		private final int stripe;

		private final Map<RollupKey, RollupDelta> deltas = new HashMap<>();

		Changes(int stripe) {
			this.stripe = stripe;
		}

		/** Adds ({@code sign = 1}) or removes ({@code sign = -1}) one record's contribution at every level. */
		Changes add(Contribution c, int sign) {
			List<RegionCode> levels = new ArrayList<>(c.region().ancestors());
			levels.add(c.region());
			for (RegionCode code : levels) {
				int s = code.level().isBelow(RegionLevel.PROVINCE) ? 0 : stripe;
				delta(new RollupKey(code.value(), RollupKey.DAY, c.day(), c.campaignId(), s)).add(c, sign);
				delta(new RollupKey(code.value(), RollupKey.MONTH, c.day().withDayOfMonth(1), c.campaignId(), s))
					.add(c, sign);
			}
			return this;
		}

		private RollupDelta delta(RollupKey key) {
			return deltas.computeIfAbsent(key, k -> new RollupDelta());
		}

		/** The non-zero deltas in lock order. */
		TreeMap<RollupKey, RollupDelta> ordered() {
			TreeMap<RollupKey, RollupDelta> ordered = new TreeMap<>();
			deltas.forEach((k, d) -> {
				if (!d.isZero()) {
					ordered.put(k, d);
				}
			});
			return ordered;
		}

	}

	/** Applies a change set; must run inside the transaction that writes the records. */
	void apply(Changes changes) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("rollups change only together with their records");
		}
		TreeMap<RollupKey, RollupDelta> ordered = changes.ordered();
		if (ordered.isEmpty()) {
			return;
		}
		jdbc.execute((ConnectionCallback<Void>) con -> {
			try (PreparedStatement update = con.prepareStatement(UPDATE)) {
				PreparedStatement insert = null;
				try {
					for (Map.Entry<RollupKey, RollupDelta> e : ordered.entrySet()) {
						if (execute(update, e.getKey(), e.getValue()) == 1) {
							continue;
						}
						if (insert == null) {
							insert = con.prepareStatement(INSERT);
						}
						insertOrUpdate(con, insert, update, e.getKey(), e.getValue());
					}
				}
				finally {
					if (insert != null) {
						insert.close();
					}
				}
			}
			return null;
		});
	}

	private static void insertOrUpdate(Connection con, PreparedStatement insert, PreparedStatement update,
			RollupKey key, RollupDelta delta) throws SQLException {
		for (int attempt = 1;; attempt++) {
			Savepoint savepoint = con.setSavepoint();
			try {
				execute(insert, key, delta);
				con.releaseSavepoint(savepoint);
				return;
			}
			catch (SQLException ex) {
				if (!isDuplicate(ex) || attempt >= 5) {
					throw ex;
				}
				// a concurrent writer created the row first: add to it (the update waits for its commit)
				con.rollback(savepoint);
				if (execute(update, key, delta) == 1) {
					return;
				}
			}
		}
	}

	private static boolean isDuplicate(SQLException ex) {
		// 23505 unique violation (PostgreSQL, H2); 90131 concurrent update of the same row (H2)
		return "23505".equals(ex.getSQLState()) || ex.getErrorCode() == 90131
				|| "90131".equals(ex.getSQLState());
	}

	private static int execute(PreparedStatement ps, RollupKey key, RollupDelta d) throws SQLException {
		int i = 1;
		ps.setLong(i++, d.activities);
		ps.setLong(i++, d.participants);
		ps.setLong(i++, d.beneficiaries);
		ps.setBigDecimal(i++, d.funds);
		ps.setBigDecimal(i++, d.materials);
		for (int k = 0; k < d.domainActivities.length; k++) {
			ps.setLong(i++, d.domainActivities[k]);
			ps.setLong(i++, d.domainBeneficiaries[k]);
		}
		ps.setString(i++, key.region());
		ps.setString(i++, String.valueOf(key.grain()));
		ps.setDate(i++, Date.valueOf(key.period()));
		ps.setLong(i++, key.campaignId());
		ps.setInt(i, key.stripe());
		return ps.executeUpdate();
	}

}
