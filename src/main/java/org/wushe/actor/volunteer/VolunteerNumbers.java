package org.wushe.actor.volunteer;

import java.util.Map;
import java.util.TreeMap;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionLevel;

/**
 * Hands out unified volunteer numbers (志愿者编号): a 6-digit prefix (the county of the registration region, or the
 * padded code of a higher region) and an 8-digit sequence per prefix, e.g. {@code 15010200000042}.
 * <p>
 * Numbers are reserved in a transaction of their own that locks the prefix's row for an instant, so concurrent
 * registrations never get the same number and long imports do not hold the lock. A registration that fails afterwards
 * leaves a gap, as a database sequence would; numbers are never reused. The unique constraint on
 * {@code volunteer.volunteer_number} is the last guard.
 */
@Component
class VolunteerNumbers {

	static final int SEQUENCE_DIGITS = 8;

	private final JdbcClient jdbc;

	private final TransactionTemplate own;

	VolunteerNumbers(JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.own = new TransactionTemplate(transactions);
		this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	static String prefix(RegionCode region) {
		if (region.level().isBelow(RegionLevel.PREFECTURE)) {
			return region.ancestorAt(RegionLevel.COUNTY).value();
		}
		return region.padded().substring(0, 6);
	}

	/** The prefix and the sequence padded with zeros to {@value #SEQUENCE_DIGITS} digits (ASCII, in any locale). */
	static String format(String prefix, long sequence) {
		String digits = Long.toString(sequence);
		return prefix + "0".repeat(Math.max(0, SEQUENCE_DIGITS - digits.length())) + digits;
	}

	/** Reserves {@code count} consecutive numbers for {@code prefix}; answers the first sequence value. */
	long reserve(String prefix, int count) {
		return reserveAll(Map.of(prefix, count)).get(prefix);
	}

	/**
	 * Reserves numbers for several prefixes in one short transaction of its own (an import batch spans many counties):
	 * {@code counts} maps prefix to how many; answers prefix to the first sequence value. Rows are locked in prefix
	 * order, so concurrent reservations cannot deadlock.
	 */
	Map<String, Long> reserveAll(Map<String, Integer> counts) {
		Map<String, Long> firsts = own.execute(status -> {
			Map<String, Long> result = new TreeMap<>();
			for (Map.Entry<String, Integer> e : new TreeMap<>(counts).entrySet()) {
				String prefix = e.getKey();
				int count = e.getValue();
				if (bump(prefix, count) == 0) {
					create(prefix);
					if (bump(prefix, count) == 0) {
						throw new IllegalStateException("no sequence row for " + prefix);
					}
				}
				long last = jdbc.sql("SELECT last_value FROM volunteer_number_sequence WHERE prefix = :prefix")
					.param("prefix", prefix)
					.query(Long.class)
					.single();
				result.put(prefix, last - count + 1);
			}
			return result;
		});
		return firsts;
	}

	private int bump(String prefix, int count) {
		return jdbc.sql("UPDATE volunteer_number_sequence SET last_value = last_value + :count WHERE prefix = :prefix")
			.param("count", count)
			.param("prefix", prefix)
			.update();
	}

	/** Creates the prefix's row in yet another transaction; a row created meanwhile by someone else is fine. */
	private void create(String prefix) {
		try {
			own.executeWithoutResult(status -> jdbc
				.sql("INSERT INTO volunteer_number_sequence (prefix, last_value) VALUES (:prefix, 0)")
				.param("prefix", prefix)
				.update());
		}
		catch (DuplicateKeyException ex) {
			// created concurrently
		}
	}

}
