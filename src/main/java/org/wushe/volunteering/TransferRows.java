package org.wushe.volunteering;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCallback;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.wushe.shared.Databases;

/**
 * The rows a batch of time-bank transfers ({@link TransferBatches}) reads and writes: first the idempotency keys used
 * before, with the balances of the accounts the batch touches, locked in id order; then the transfers with their
 * postings and keys, and the balances they moved.
 * <p>
 * On PostgreSQL each of the two is one statement, whatever the batch's size: the batch goes as arrays, and the write
 * is one statement of data-modifying common table expressions (the batch's audit rows and its counters are written
 * apart, by their modules). Both are prepared once per connection and keep their plans, made with sequential scans,
 * hash joins and merge joins off for the transaction ({@link #INDEXED}): every row they touch is found through a
 * primary key, so a plan made while the tables were small (which would scan them whole) never stays on as they grow.
 * Elsewhere (H2) the look-up and the lock are two queries and the write is one JDBC batch per table.
 */
@Component
class TransferRows {

	/** A key used before: the request it came with, as a fingerprint, and the transfer it made. */
	record Earlier(String fingerprint, long transferId) {
	}

	/** What a batch found before it applies anything: the keys used before, by request id, and the locked balances. */
	record Found(Map<String, Earlier> earlier, Map<Long, Long> balances) {
	}

	/** The ids of what was written, in the order of the accepted requests: per transfer its id, then its postings'. */
	record Written(List<Long> transferIds, List<Long> fromPostingIds, List<Long> toPostingIds) {
	}

	/**
	 * Sent before each PostgreSQL statement of the batch, in the same round trip: the transaction's plans look rows up
	 * in the primary keys (nested loops over the batch's rows), however few rows the tables held when a plan was made.
	 */
	static final String INDEXED = """
			SET LOCAL enable_seqscan = off;
			SET LOCAL enable_hashjoin = off;
			SET LOCAL enable_mergejoin = off;
			""";

	private static final String PG_FIND = INDEXED + """
			WITH locked AS MATERIALIZED (
			    SELECT id, balance_minutes FROM timebank_account WHERE id = ANY (?::bigint[]) ORDER BY id FOR UPDATE
			)
			SELECT r.caller, r.request_key, r.fingerprint, r.transfer_id, NULL AS balance_minutes
			FROM unnest(?::varchar[], ?::varchar[]) AS k (caller, request_key)
			JOIN timebank_request r ON r.caller = k.caller AND r.request_key = k.request_key
			UNION ALL
			SELECT NULL, NULL, NULL, id, balance_minutes FROM locked
			""";

	/**
	 * Inserts the transfers (ids drawn in request order), their postings (the paying side's first, as the ledger lists
	 * them by id), their keys, and moves the balances; answers the transfers' ids by position and the postings' ids by
	 * transfer. The references of the new rows are checked at the end of the statement, when the transfers are in
	 * (once per table: see the migration {@code V312}).
	 */
	private static final String PG_WRITE = INDEXED + """
			WITH input AS MATERIALIZED (
			    SELECT i.*, nextval(pg_get_serial_sequence('timebank_transfer', 'id')) AS id, ?::timestamptz AS at
			    FROM unnest(?::varchar[], ?::bigint[], ?::bigint[], ?::bigint[], ?::varchar[], ?::varchar[], ?::varchar[],
			        ?::varchar[], ?::varchar[], ?::bigint[], ?::bigint[])
			        WITH ORDINALITY AS i (kind, from_id, to_id, minutes, memo, actor, caller, request_key, fingerprint,
			            from_after, to_after, n)
			    ORDER BY i.n
			), transfers AS (
			    INSERT INTO timebank_transfer (id, kind, from_account_id, to_account_id, minutes, memo, hours_id, created_at,
			        created_by)
			    SELECT id, kind, from_id, to_id, minutes, memo, NULL, at, actor FROM input ORDER BY n
			), postings AS (
			    INSERT INTO timebank_posting (transfer_id, account_id, minutes, balance_after, posted_at)
			    SELECT id, CASE s.side WHEN 0 THEN from_id ELSE to_id END, CASE s.side WHEN 0 THEN -minutes ELSE minutes END,
			        CASE s.side WHEN 0 THEN from_after ELSE to_after END, at
			    FROM input CROSS JOIN (VALUES (0), (1)) AS s (side)
			    ORDER BY input.n, s.side
			    RETURNING id, transfer_id, minutes
			), request_keys AS (
			    INSERT INTO timebank_request (caller, request_key, fingerprint, transfer_id)
			    SELECT caller, request_key, fingerprint, id FROM input
			), balances AS (
			    UPDATE timebank_account a SET balance_minutes = b.balance
			    FROM unnest(?::bigint[], ?::bigint[]) AS b (id, balance)
			    WHERE a.id = b.id
			)
			SELECT n, id, NULL AS posting_id, NULL AS minutes FROM input
			UNION ALL
			SELECT NULL, transfer_id, id, minutes FROM postings
			""";

	private static final String INSERT_TRANSFER = """
			INSERT INTO timebank_transfer (kind, from_account_id, to_account_id, minutes, memo, hours_id, created_at,
			    created_by)
			VALUES (?, ?, ?, ?, ?, NULL, ?, ?)
			""";

	private static final String INSERT_POSTING = """
			INSERT INTO timebank_posting (transfer_id, account_id, minutes, balance_after, posted_at)
			VALUES (?, ?, ?, ?, ?)
			""";

	private final JdbcTemplate template;

	TransferRows(JdbcTemplate template) {
		this.template = template;
	}

	/**
	 * The keys of the batch used before, and the balances of the accounts the batch touches (on H2 only those of its
	 * new requests), locked in id order. Each (caller, key) pair is looked up in the primary key: a condition on the
	 * callers and the keys apart would read every key of those callers, which grows with the table.
	 */
	Found find(List<TransferBatches.Request> batch) {
		Map<String, TransferBatches.Request> byId = new LinkedHashMap<>();
		batch.forEach(r -> byId.putIfAbsent(r.id(), r));
		List<TransferBatches.Request> distinct = List.copyOf(byId.values());
		Map<String, Earlier> earlier = new HashMap<>();
		Map<Long, Long> balances = new TreeMap<>();
		if (Databases.isPostgres(template)) {
			Long[] accounts = accounts(batch.stream()).toArray(Long[]::new);
			queryIndexed(PG_FIND, (con, ps) -> {
				ps.setArray(1, con.createArrayOf("bigint", accounts));
				ps.setArray(2, con.createArrayOf("varchar", distinct.stream().map(TransferBatches.Request::caller).toArray()));
				ps.setArray(3, con.createArrayOf("varchar", distinct.stream().map(TransferBatches.Request::key).toArray()));
			}, rs -> {
				String caller = rs.getString(1);
				if (caller != null) {
					earlier.put(caller + '\u0000' + rs.getString(2), new Earlier(rs.getString(3), rs.getLong(4)));
				}
				else {
					balances.put(rs.getLong(4), rs.getLong(5));
				}
			});
			return new Found(earlier, balances);
		}
		String sql = "SELECT caller, request_key, fingerprint, transfer_id FROM timebank_request WHERE (caller, request_key)"
				+ " IN (" + String.join(", ", Collections.nCopies(distinct.size(), "(?, ?)")) + ")";
		template.query(con -> {
			PreparedStatement ps = con.prepareStatement(sql);
			for (int i = 0; i < distinct.size(); i++) {
				ps.setString(2 * i + 1, distinct.get(i).caller());
				ps.setString(2 * i + 2, distinct.get(i).key());
			}
			return ps;
		}, rs -> {
			earlier.put(rs.getString(1) + '\u0000' + rs.getString(2), new Earlier(rs.getString(3), rs.getLong(4)));
		});
		List<Long> ids = accounts(batch.stream().filter(r -> !earlier.containsKey(r.id()))).toList();
		if (!ids.isEmpty()) {
			template.query("SELECT id, balance_minutes FROM timebank_account WHERE id IN ("
					+ String.join(", ", Collections.nCopies(ids.size(), "?")) + ") ORDER BY id FOR UPDATE", rs -> {
						balances.put(rs.getLong(1), rs.getLong(2));
					}, ids.toArray());
		}
		return new Found(earlier, balances);
	}

	/** Both accounts of each request, each once, in id order (the order their rows are locked in). */
	private static Stream<Long> accounts(Stream<TransferBatches.Request> requests) {
		return requests.flatMap(r -> Stream.of(r.from().id(), r.to().id())).distinct().sorted();
	}

	/**
	 * Writes the accepted transfers at {@code now}: the transfers, their two postings each, their keys, and the new
	 * {@code balances} of the accounts they moved.
	 */
	Written write(List<TransferBatches.Accepted> accepted, Map<Long, Long> balances, Timestamp now) {
		if (Databases.isPostgres(template)) {
			return writeAtOnce(accepted, balances, now);
		}
		List<Long> transferIds = BatchInserts.insert(template, INSERT_TRANSFER, accepted.size(), (ps, i) -> {
			TransferBatches.Request r = accepted.get(i).request();
			ps.setString(1, r.kind().name());
			ps.setLong(2, r.from().id());
			ps.setLong(3, r.to().id());
			ps.setLong(4, r.minutes());
			ps.setString(5, r.memo());
			ps.setTimestamp(6, now);
			ps.setString(7, r.actor());
		});
		List<Long> postingIds = BatchInserts.insert(template, INSERT_POSTING, accepted.size() * 2, (ps, i) -> {
			TransferBatches.Accepted a = accepted.get(i / 2);
			boolean from = i % 2 == 0;
			ps.setLong(1, transferIds.get(i / 2));
			ps.setLong(2, from ? a.request().from().id() : a.request().to().id());
			ps.setLong(3, from ? -a.request().minutes() : a.request().minutes());
			ps.setLong(4, from ? a.fromAfter() : a.toAfter());
			ps.setTimestamp(5, now);
		});
		List<Object[]> keys = new ArrayList<>(accepted.size());
		for (int i = 0; i < accepted.size(); i++) {
			TransferBatches.Request r = accepted.get(i).request();
			keys.add(new Object[] { r.caller(), r.key(), r.fingerprint(), transferIds.get(i) });
		}
		template.batchUpdate(
				"INSERT INTO timebank_request (caller, request_key, fingerprint, transfer_id) VALUES (?, ?, ?, ?)", keys);
		List<Object[]> updates = new ArrayList<>(balances.size());
		balances.forEach((id, balance) -> updates.add(new Object[] { balance, id }));
		template.batchUpdate("UPDATE timebank_account SET balance_minutes = ? WHERE id = ?", updates);
		List<Long> from = new ArrayList<>(accepted.size());
		List<Long> to = new ArrayList<>(accepted.size());
		for (int i = 0; i < accepted.size(); i++) {
			from.add(postingIds.get(2 * i));
			to.add(postingIds.get(2 * i + 1));
		}
		return new Written(transferIds, from, to);
	}

	private Written writeAtOnce(List<TransferBatches.Accepted> accepted, Map<Long, Long> balances, Timestamp now) {
		int n = accepted.size();
		Long[] transferIds = new Long[n];
		Map<Long, Long> fromPostings = new HashMap<>();
		Map<Long, Long> toPostings = new HashMap<>();
		queryIndexed(PG_WRITE, (con, ps) -> {
			ps.setTimestamp(1, now);
			setColumn(con, ps, 2, "varchar", accepted, a -> a.request().kind().name());
			setColumn(con, ps, 3, "bigint", accepted, a -> a.request().from().id());
			setColumn(con, ps, 4, "bigint", accepted, a -> a.request().to().id());
			setColumn(con, ps, 5, "bigint", accepted, a -> a.request().minutes());
			setColumn(con, ps, 6, "varchar", accepted, a -> a.request().memo());
			setColumn(con, ps, 7, "varchar", accepted, a -> a.request().actor());
			setColumn(con, ps, 8, "varchar", accepted, a -> a.request().caller());
			setColumn(con, ps, 9, "varchar", accepted, a -> a.request().key());
			setColumn(con, ps, 10, "varchar", accepted, a -> a.request().fingerprint());
			setColumn(con, ps, 11, "bigint", accepted, TransferBatches.Accepted::fromAfter);
			setColumn(con, ps, 12, "bigint", accepted, TransferBatches.Accepted::toAfter);
			ps.setArray(13, con.createArrayOf("bigint", balances.keySet().toArray()));
			ps.setArray(14, con.createArrayOf("bigint", balances.values().toArray()));
		}, rs -> {
			long position = rs.getLong(1);
			if (!rs.wasNull()) {
				transferIds[(int) position - 1] = rs.getLong(2);
			}
			else {
				(rs.getLong(4) < 0 ? fromPostings : toPostings).put(rs.getLong(2), rs.getLong(3));
			}
		});
		List<Long> transfers = List.of(transferIds);
		return new Written(transfers, transfers.stream().map(fromPostings::get).toList(),
				transfers.stream().map(toPostings::get).toList());
	}

	/** Sets a statement's parameters. */
	private interface Parameters {

		void set(Connection con, PreparedStatement ps) throws SQLException;

	}

	/**
	 * Runs {@code sql}, a PostgreSQL statement after {@link #INDEXED}, with the parameters set, and hands each row of
	 * its result to {@code rows}.
	 */
	private void queryIndexed(String sql, Parameters parameters, RowCallbackHandler rows) {
		template.execute((Connection con) -> {
			PreparedStatement ps = con.prepareStatement(sql);
			try {
				parameters.set(con, ps);
			}
			catch (SQLException | RuntimeException ex) {
				ps.close();
				throw ex;
			}
			return ps;
		}, (PreparedStatementCallback<Void>) ps -> {
			boolean resultSet = ps.execute();
			while (resultSet || ps.getUpdateCount() != -1) {
				if (resultSet) {
					try (ResultSet rs = ps.getResultSet()) {
						while (rs.next()) {
							rows.processRow(rs);
						}
					}
				}
				resultSet = ps.getMoreResults();
			}
			return null;
		});
	}

	/** One column of the accepted requests, as an array parameter. */
	private static void setColumn(Connection con, PreparedStatement ps, int index, String type,
			List<TransferBatches.Accepted> accepted, java.util.function.Function<TransferBatches.Accepted, Object> column)
			throws SQLException {
		Object[] values = new Object[accepted.size()];
		for (int i = 0; i < values.length; i++) {
			values[i] = column.apply(accepted.get(i));
		}
		ps.setArray(index, con.createArrayOf(type, values));
	}

}
