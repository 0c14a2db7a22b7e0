package org.wushe.volunteering;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.wushe.region.RegionScope;

/** What the time bank reports: an account's statement and the reconciliation of the ledger. */
@Component
@RequiredArgsConstructor
class TimeBankStatements {

	private final JdbcClient jdbc;

	private final Ledger ledger;

	/** The postings of an account in scope, oldest first: its statement. */
	List<TimeBank.Posting> statement(RegionScope scope, long accountId) {
		ledger.account(scope, accountId);
		return ledger.postings(accountId);
	}

	/**
	 * Checks the ledger: every account in scope whose balance differs from the sum of its postings, the sum of all
	 * postings (zero when balanced) and the transfers that are not two postings summing to zero.
	 */
	TimeBank.Reconciliation reconcile(RegionScope scope) {
		boolean all = scope.root().isCountry();
		List<TimeBank.Mismatch> mismatches = new ArrayList<>();
		long[] count = new long[1];
		try (Stream<TimeBank.Mismatch> balances = jdbc.sql("""
				SELECT a.id AS account_id, a.balance_minutes, COALESCE(SUM(p.minutes), 0) AS postings_minutes
				FROM timebank_account a LEFT JOIN timebank_posting p ON p.account_id = a.id
				WHERE (a.region_code >= :from AND a.region_code < :to) OR (:all = TRUE AND a.kind = 'CLEARING')
				GROUP BY a.id, a.balance_minutes
				ORDER BY a.id
				""").param("from", scope.from()).param("to", scope.to()).param("all", all)
			.query(TimeBank.Mismatch.class)
			.stream()) {
			balances.forEach(b -> {
				count[0]++;
				if (b.balanceMinutes() != b.postingsMinutes()) {
					mismatches.add(b);
				}
			});
		}
		long sum = jdbc.sql("SELECT COALESCE(SUM(minutes), 0) FROM timebank_posting").query(Long.class).single();
		long unbalanced = jdbc.sql("""
				SELECT COUNT(*) FROM (
				    SELECT t.id FROM timebank_transfer t LEFT JOIN timebank_posting p ON p.transfer_id = t.id
				    GROUP BY t.id HAVING COUNT(p.id) <> 2 OR COALESCE(SUM(p.minutes), 0) <> 0) u
				""").query(Long.class).single();
		return new TimeBank.Reconciliation(count[0], sum, unbalanced, mismatches);
	}

}
