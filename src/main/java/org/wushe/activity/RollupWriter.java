package org.wushe.activity;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionLevel;
import org.wushe.shared.FiguresChanged;

/**
 * Keeps {@code activity_rollup} exact: every write of activity records hands its added and removed contributions to
 * this writer inside its own transaction, so the summaries commit or roll back together with the records.
 * <p>
 * A change set is first folded in memory into one delta per summary row (an import of 100k rows touches each row
 * once). Rows are then locked in {@link RollupKey} order, so writers may queue but never deadlock, and the hottest rows
 * (country, province) are locked last and held only until the commit that follows.
 * <p>
 * Single writes use {@link #applyExisting}: all updates in one JDBC batch, which requires the rows to exist. Rows are
 * created beforehand by {@link #ensure} in short transactions of their own that never wait for a writer's transaction
 * (they only insert zero rows). If a row is still missing, the writer's transaction rolls back
 * ({@link MissingRows}), the row is created and the write runs again. Bulk writes use {@link #apply}: per key,
 * {@code UPDATE}, or {@code INSERT} under a savepoint with a fallback to {@code UPDATE} when a concurrent writer
 * inserted it first; each key is settled before the next, so the lock order holds.
 * <p>
 * Rows of the country, provinces and prefectures are striped: successive change sets take successive stripes out of
 * {@code stripes}, so concurrent writers rarely queue for the same row; readers sum the stripes.
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

	/** Remembered keys of rows known to exist (rows are never deleted); forgotten wholesale when it grows large. */
	private static final int KNOWN_MAX = 200_000;

	private final JdbcTemplate jdbc;

	private final int stripes;

	private final AtomicInteger nextStripe = new AtomicInteger();

	private final Set<RollupKey> known = ConcurrentHashMap.newKeySet();

	private final ApplicationEventPublisher events;

	RollupWriter(JdbcTemplate jdbc, @Value("${wushe.activity.rollup.stripes:16}") int stripes,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
		this.stripes = Math.max(1, stripes);
	}

	/** A new, empty change set on the next stripe. */
	Changes changes() {
		return new Changes(Math.floorMod(nextStripe.getAndIncrement(), stripes));
	}

	/** A new, empty change set on the same stripe as {@code other}. */
	Changes changesLike(Changes other) {
		return new Changes(other.stripe);
	}

	/** The summary rows a change set touches, with their deltas. */
	static final class Changes {

		private final int stripe;

		private final Map<RollupKey, RollupDelta> deltas = new HashMap<>();

		/** The codes from the country down to a region, remembered for the many rows of one import. */
		private final Map<RegionCode, List<RegionCode>> levels = new HashMap<>();

		Changes(int stripe) {
			this.stripe = stripe;
		}

		/** Adds ({@code sign = 1}) or removes ({@code sign = -1}) one record's contribution at every level. */
		Changes add(Contribution c, int sign) {
			List<RegionCode> path = levels.computeIfAbsent(c.region(), RegionCode::path);
			for (RegionCode code : path) {
				int s = code.level().isBelow(RegionLevel.PREFECTURE) ? 0 : stripe;
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

		Set<RollupKey> keys() {
			return deltas.keySet();
		}

	}

	/** Some summary rows of a change set did not exist; the transaction must roll back and run again. */
	static final class MissingRows extends RuntimeException {

		private final transient List<RollupKey> keys;

		MissingRows(List<RollupKey> keys) {
			super("missing summary rows: " + keys.size(), null, false, false);
			this.keys = keys;
		}

		List<RollupKey> keys() {
			return keys;
		}

	}

	/**
	 * Makes sure the rows of {@code keys} exist, creating missing ones with zeros, each in a short transaction of its
	 * own. Must run outside a writer's transaction.
	 */
	void ensure(Collection<RollupKey> keys) {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("summary rows are created outside writers' transactions");
		}
		List<RollupKey> unknown = keys.stream().filter(k -> !known.contains(k)).sorted().toList();
		if (unknown.isEmpty()) {
			return;
		}
		Set<RollupKey> existing = existing(unknown);
		RollupDelta zero = new RollupDelta();
		List<RollupKey> missing = unknown.stream().filter(k -> !existing.contains(k)).toList();
		if (missing.size() > 1 && createTogether(missing, zero)) {
			unknown.forEach(this::remember);
			return;
		}
		for (RollupKey key : unknown) {
			if (!existing.contains(key)) {
				try {
					jdbc.execute((ConnectionCallback<Integer>) con -> {
						try (PreparedStatement insert = con.prepareStatement(INSERT)) {
							return execute(insert, key, zero);
						}
					});
				}
				catch (DataIntegrityViolationException | ConcurrencyFailureException ex) {
					// created concurrently: just as good
				}
			}
			remember(key);
		}
	}

	/**
	 * Creates the missing rows of one change set in one short transaction (one commit instead of one per row), in key
	 * order; {@code false} when a concurrent writer created one of them first (nothing is kept then, and the caller
	 * creates them one by one).
	 */
	private boolean createTogether(List<RollupKey> missing, RollupDelta zero) {
		try {
			return jdbc.execute((ConnectionCallback<Boolean>) con -> {
				boolean auto = con.getAutoCommit();
				con.setAutoCommit(false);
				try (PreparedStatement insert = con.prepareStatement(INSERT)) {
					for (RollupKey key : missing) {
						bind(insert, key, zero);
						insert.addBatch();
					}
					insert.executeBatch();
					con.commit();
					return true;
				}
				catch (SQLException ex) {
					con.rollback();
					throw ex;
				}
				finally {
					con.setAutoCommit(auto);
				}
			});
		}
		catch (DataAccessException ex) {
			// typically a row created concurrently; one by one, any other problem shows again
			return false;
		}
	}

	private Set<RollupKey> existing(List<RollupKey> keys) {
		Set<String> codes = new HashSet<>();
		Set<LocalDate> periods = new HashSet<>();
		Set<Long> campaigns = new HashSet<>();
		for (RollupKey k : keys) {
			codes.add(k.region());
			periods.add(k.period());
			campaigns.add(k.campaignId());
		}
		Set<RollupKey> found = new HashSet<>();
		NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(jdbc);
		named.query("""
				SELECT region_code, grain, period_start, campaign_id, stripe FROM activity_rollup
				WHERE region_code IN (:codes) AND period_start IN (:periods) AND campaign_id IN (:campaigns)
				""", Map.of("codes", codes, "periods", periods, "campaigns", campaigns),
				rs -> {
					found.add(new RollupKey(rs.getString(1), rs.getString(2).charAt(0),
							rs.getObject(3, LocalDate.class), rs.getLong(4), rs.getInt(5)));
				});
		return found;
	}

	private void remember(RollupKey key) {
		if (known.size() > KNOWN_MAX) {
			known.clear();
		}
		known.add(key);
	}

	/**
	 * Applies a change set whose rows exist, in one batch; must run inside the transaction that writes the records.
	 *
	 * @throws MissingRows when a row does not exist (nothing must be committed then)
	 */
	void applyExisting(Changes changes) {
		requireTransaction();
		List<Map.Entry<RollupKey, RollupDelta>> ordered = new ArrayList<>(changes.ordered().entrySet());
		if (ordered.isEmpty()) {
			return;
		}
		int[] counts = jdbc.batchUpdate(UPDATE, new BatchPreparedStatementSetter() {

			@Override
			public void setValues(PreparedStatement ps, int i) throws SQLException {
				bind(ps, ordered.get(i).getKey(), ordered.get(i).getValue());
			}

			@Override
			public int getBatchSize() {
				return ordered.size();
			}

		});
		List<RollupKey> missing = new ArrayList<>();
		for (int i = 0; i < counts.length; i++) {
			if (counts[i] == 0) {
				missing.add(ordered.get(i).getKey());
				known.remove(ordered.get(i).getKey());
			}
		}
		if (!missing.isEmpty()) {
			throw new MissingRows(missing);
		}
		events.publishEvent(new FiguresChanged(FiguresChanged.Area.ACTIVITY));
	}

	/** Applies a change set key by key, creating rows as needed; must run inside the writing transaction. */
	void apply(Changes changes) {
		requireTransaction();
		TreeMap<RollupKey, RollupDelta> ordered = changes.ordered();
		if (ordered.isEmpty()) {
			return;
		}
		jdbc.execute((ConnectionCallback<Void>) con -> {
			try (PreparedStatement update = con.prepareStatement(UPDATE);
					PreparedStatement insert = con.prepareStatement(INSERT)) {
				for (Map.Entry<RollupKey, RollupDelta> e : ordered.entrySet()) {
					if (execute(update, e.getKey(), e.getValue()) != 1) {
						insertOrUpdate(con, insert, update, e.getKey(), e.getValue());
					}
				}
			}
			return null;
		});
		events.publishEvent(new FiguresChanged(FiguresChanged.Area.ACTIVITY));
	}

	private static void requireTransaction() {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("rollups change only together with their records");
		}
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
		bind(ps, key, d);
		return ps.executeUpdate();
	}

	private static void bind(PreparedStatement ps, RollupKey key, RollupDelta d) throws SQLException {
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
	}

}
