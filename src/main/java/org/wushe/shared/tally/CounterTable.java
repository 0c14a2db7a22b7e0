package org.wushe.shared.tally;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A table of counters whose key is a region code followed by further text columns, changed by deltas inside the
 * writer's transaction.
 * <p>
 * A missing row is created with the count 0 in a short transaction of its own (a concurrent creator just finds the
 * row), and rows are then only ever updated, in key order, inside the writer's transaction: concurrent writers queue
 * on the rows they share instead of failing on inserts, and never deadlock over them.
 */
public final class CounterTable {

	/** One counter's key: the region code first, then the other key columns, in the table's column order. */
	public record Key(List<String> values) implements Comparable<Key> {

		public Key {
			values = List.copyOf(values);
		}

		public static Key of(String... values) {
			return new Key(List.of(values));
		}

		@Override
		public int compareTo(Key o) {
			for (int i = 0; i < values.size(); i++) {
				int c = values.get(i).compareTo(o.values.get(i));
				if (c != 0) {
					return c;
				}
			}
			return 0;
		}

	}

	private static final int CHUNK = 500;

	private final String table;

	private final List<String> keyColumns;

	private final String update;

	private final String insert;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate ownTransaction;

	/**
	 * @param table the table name
	 * @param countColumn the counter column
	 * @param keyColumns the key columns, the region code's first
	 */
	public CounterTable(String table, String countColumn, List<String> keyColumns, JdbcTemplate jdbc,
			PlatformTransactionManager transactions) {
		this.table = Objects.requireNonNull(table);
		this.keyColumns = List.copyOf(keyColumns);
		String where = String.join(" = ? AND ", keyColumns) + " = ?";
		this.update = "UPDATE " + table + " SET " + countColumn + " = " + countColumn + " + ? WHERE " + where;
		this.insert = "INSERT INTO " + table + " (" + String.join(", ", keyColumns) + ", " + countColumn + ") VALUES ("
				+ "?, ".repeat(keyColumns.size()) + "0)";
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
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
		ensureRows(changes.keySet());
		List<Object[]> updates = new ArrayList<>(changes.size());
		changes.forEach((k, d) -> {
			Object[] row = new Object[k.values().size() + 1];
			row[0] = d;
			for (int i = 0; i < k.values().size(); i++) {
				row[i + 1] = k.values().get(i);
			}
			updates.add(row);
		});
		jdbc.batchUpdate(update, updates);
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
			Map<Key, Long> fresh = new java.util.HashMap<>();
			TransactionSynchronizationManager.bindResource(this, fresh);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public int getOrder() {
					return order;
				}

				@Override
				public void beforeCommit(boolean readOnly) {
					apply(fresh);
				}

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

	private void ensureRows(Set<Key> keys) {
		Set<Key> missing = new HashSet<>(keys);
		List<String> regions = keys.stream().map(k -> k.values().get(0)).distinct().toList();
		String select = "SELECT " + String.join(", ", keyColumns) + " FROM " + table + " WHERE " + keyColumns.get(0)
				+ " IN (";
		for (int i = 0; i < regions.size(); i += CHUNK) {
			List<String> chunk = regions.subList(i, Math.min(regions.size(), i + CHUNK));
			jdbc.query(select + "?, ".repeat(chunk.size() - 1) + "?)", rs -> {
				List<String> values = new ArrayList<>(keyColumns.size());
				for (int c = 1; c <= keyColumns.size(); c++) {
					values.add(rs.getString(c));
				}
				missing.remove(new Key(values));
			}, chunk.toArray());
		}
		if (missing.isEmpty()) {
			return;
		}
		List<Object[]> rows = missing.stream().sorted().map(k -> k.values().toArray()).toList();
		try {
			ownTransaction.executeWithoutResult(s -> jdbc.batchUpdate(insert, rows));
		}
		catch (DuplicateKeyException raced) {
			// someone created some of them meanwhile: create the rest one by one
			for (Object[] row : rows) {
				try {
					ownTransaction.executeWithoutResult(s -> jdbc.update(insert, row));
				}
				catch (DuplicateKeyException exists) {
					// fine: it is there now
				}
			}
		}
	}

}
