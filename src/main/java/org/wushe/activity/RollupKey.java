package org.wushe.activity;

import java.time.LocalDate;
import java.util.Comparator;

/**
 * The primary key of one summary row. Keys sort in the one order in which every writer locks summary rows: deepest
 * level first, then code, grain, period, campaign and stripe. All writers lock in this order, so they can wait for
 * each other but never deadlock; and the hottest rows (country, province) come last, so their locks are held only for
 * the end of a transaction.
 */
record RollupKey(String region, char grain, LocalDate period, long campaignId, int stripe)
		implements Comparable<RollupKey> {

	static final char DAY = 'D';

	static final char MONTH = 'M';

	private static final Comparator<RollupKey> LOCK_ORDER = Comparator
		.comparingInt((RollupKey k) -> -k.region.length())
		.thenComparing(RollupKey::region)
		.thenComparing(RollupKey::grain)
		.thenComparing(RollupKey::period)
		.thenComparingLong(RollupKey::campaignId)
		.thenComparingInt(RollupKey::stripe);

	@Override
	public int compareTo(RollupKey o) {
		return LOCK_ORDER.compare(this, o);
	}

}
