package org.wushe.shared.tally;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.wushe.shared.Databases;

/**
 * A table of counters whose key is a region code followed by further columns, changed by deltas inside the writer's
 * transaction, on the writer's own connection: a write never needs a second connection from the pool.
 * <p>
 * On PostgreSQL the rows of one change are settled by one upsert of all of them in key order ({@code INSERT … VALUES
 * (…), (…) ON CONFLICT (key) DO UPDATE SET count = count + delta}, up to 100 rows per statement): a new row is inserted
 * with its delta, an existing one is added to, whichever it is. Elsewhere (H2) they are settled in two passes over the
 * keys in key order: missing rows are created with the count 0 ({@code INSERT … ON CONFLICT DO NOTHING}; a
 * concurrent creator's row is just found, after its commit), then every row is updated; rows known to exist (created or seen by this process; counter
 * rows are never deleted) skip the first pass, so a warm write is one batch of updates. Either way the rows' locks are
 * taken in key order, so writers may queue on the rows they share but never deadlock over them.
 */
public final class CounterTable {

	/** One counter's key: the region code first, then the other key columns, in the table's column order. */
	public record Key(List<Object> values) implements Comparable<Key> {

		public Key {
			values = List.copyOf(values);
		}

		/** Text or numbers (a stripe), in the order of the table's key columns. */
		public static Key of(Object... values) {
			return new Key(List.of(values));
		}

		@Override
		@SuppressWarnings({ "unchecked", "rawtypes" })
		public int compareTo(Key o) {
			for (int i = 0; i < values.size(); i++) {
				int c = ((Comparable) values.get(i)).compareTo(o.values.get(i));
				if (c != 0) {
					return c;
				}
			}
			return 0;
		}

	}

	/** Counter rows kept in mind as existing; forgotten wholesale past this size. */
	private static final int KNOWN_MAX = 100_000;

	private final String update;

	private final String insert;

	/** The upsert statement in three parts: before its rows, one row, after them. */
	private final String upsertInto;

	private final String upsertRow;

	private final String upsertOnConflict;

	/** At most this many rows in one upsert statement. */
	private static final int UPSERT_ROWS = 100;

	/** The upsert statements by their number of rows, made on first use. */
	private final Map<Integer, String> upserts = new ConcurrentHashMap<>();

	private final JdbcTemplate jdbc;

	private final Set<Key> known = ConcurrentHashMap.newKeySet();

	/**
	 * @param table the table name
	 * @param countColumn the counter column
	 * @param keyColumns the key columns, the region code's first
	 */
	public CounterTable(String table, String countColumn, List<String> keyColumns, JdbcTemplate jdbc) {
		Objects.requireNonNull(table);
		String where = String.join(" = ? AND ", keyColumns) + " = ?";
		this.update = "UPDATE " + table + " SET " + countColumn + " = " + countColumn + " + ? WHERE " + where;
		this.insert = "INSERT INTO " + table + " (" + String.join(", ", keyColumns) + ", " + countColumn + ") VALUES ("
				+ "?, ".repeat(keyColumns.size()) + "0) ON CONFLICT DO NOTHING";
		this.upsertInto = "INSERT INTO " + table + " (" + String.join(", ", keyColumns) + ", " + countColumn + ") VALUES ";
		this.upsertRow = "(" + "?, ".repeat(keyColumns.size()) + "?)";
		this.upsertOnConflict = " ON CONFLICT (" + String.join(", ", keyColumns) + ") DO UPDATE SET " + countColumn
				+ " = " + table + "." + countColumn + " + EXCLUDED." + countColumn;
		this.jdbc = jdbc;
	}

	/** As {@link #CounterTable(String, String, List, JdbcTemplate)}; no transaction of its own is ever started. */
	public CounterTable(String table, String countColumn, List<String> keyColumns, JdbcTemplate jdbc,
			PlatformTransactionManager transactions) {
		this(table, countColumn, keyColumns, jdbc);
	}

	/** Applies the deltas (zero ones are left out) in the current transaction, in key order. */
	public void apply(Map<Key, Long> deltas) {
		TreeMap<Key, Long> changes = new TreeMap<>();
		deltas.forEach((k, d) -> {
			if (d != 0) {
				changes.put(k, d);
			}
		});
		if (changes.isEmpty()) {
			return;
		}
		if (Databases.isPostgres(jdbc)) {
			List<Object> args = new ArrayList<>();
			int rows = 0;
			for (Map.Entry<Key, Long> change : changes.entrySet()) {
				args.addAll(change.getKey().values());
				args.add(change.getValue());
				if (++rows == UPSERT_ROWS) {
					jdbc.update(upsert(rows), args.toArray());
					args.clear();
					rows = 0;
				}
			}
			if (rows > 0) {
				jdbc.update(upsert(rows), args.toArray());
			}
			return;
		}
		List<Object[]> create = new ArrayList<>();
		for (Key k : changes.keySet()) {
			if (!known.contains(k)) {
				create.add(k.values().toArray());
			}
		}
		if (!create.isEmpty()) {
			jdbc.batchUpdate(insert, create);
		}
		List<Key> keys = new ArrayList<>(changes.keySet());
		List<Object[]> updates = new ArrayList<>(changes.size());
		changes.forEach((k, d) -> updates.add(updateRow(k, d)));
		int[] counts = jdbc.batchUpdate(update, updates);
		List<Key> missing = new ArrayList<>();
		for (int i = 0; i < counts.length; i++) {
			if (counts[i] == 0) {
				missing.add(keys.get(i));
			}
			else {
				remember(keys.get(i));
			}
		}
		for (Key k : missing) {
			// believed to exist, yet gone (a row created by a transaction that then rolled back): create it now
			known.remove(k);
			jdbc.update(insert, k.values().toArray());
			if (jdbc.update(update, updateRow(k, changes.get(k))) != 1) {
				throw new IllegalStateException("counter row missing after it was created: " + k);
			}
		}
	}

	/** One statement that upserts {@code rows} rows, listed in key order (its row locks are taken in that order). */
	private String upsert(int rows) {
		return upserts.computeIfAbsent(rows,
				n -> upsertInto + String.join(", ", java.util.Collections.nCopies(n, upsertRow)) + upsertOnConflict);
	}

	private static Object[] updateRow(Key k, long delta) {
		Object[] row = new Object[k.values().size() + 1];
		row[0] = delta;
		for (int i = 0; i < k.values().size(); i++) {
			row[i + 1] = k.values().get(i);
		}
		return row;
	}

	private void remember(Key key) {
		if (known.size() > KNOWN_MAX) {
			known.clear();
		}
		known.add(key);
	}

	/**
	 * Adds the deltas to those of the current transaction, which are applied together just before it commits (at
	 * {@code order} among the transaction's synchronizations): a transaction touches each counter once, however many
	 * changes it makes, and holds the counters' locks only for the moment of its commit. Outside a transaction the
	 * deltas are applied at once.
	 */
	public void applyAtCommit(Map<Key, Long> deltas, int order) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			apply(deltas);
			return;
		}
		@SuppressWarnings("unchecked")
		Map<Key, Long> pending = (Map<Key, Long>) TransactionSynchronizationManager.getResource(this);
		if (pending == null) {
			Map<Key, Long> fresh = new HashMap<>();
			TransactionSynchronizationManager.bindResource(this, fresh);
			TransactionSynchronizationManager.registerSynchronization(new BeforeCommit(order, () -> apply(fresh)) {
				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(CounterTable.this);
				}
			});
			pending = fresh;
		}
		Map<Key, Long> target = pending;
		deltas.forEach((k, d) -> target.merge(k, d, Long::sum));
	}

}
