package org.wushe.region;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.wushe.shared.NameInitials;

/**
 * Name search over the whole loaded tree in memory. The tree does not change once loaded, so a compact snapshot
 * answers "names containing X inside this subtree" exactly: all names concatenated into one string (scanned with
 * {@link String#indexOf}), and per region a sort key that follows the code order, so that a subtree is one contiguous
 * slice. The whole country (665,276 names) takes about 20 MB and is scanned in milliseconds, where a {@code LIKE
 * '%X%'} over the table reads every row.
 * <p>
 * The same holds for the names' pinyin initials ({@link NameInitials}, e.g. {@code xcq} for 新城区, with the variants of
 * characters of several readings), so that {@code xc} finds 新城区 as a user types.
 * <p>
 * The snapshot is built in the background on the first search after the tree is ready (not at start-up, which must
 * stay fast); until it is there, and whenever the tree is being loaded again, {@link #search} answers {@code null} and
 * the caller asks the database.
 */
@Component
@RequiredArgsConstructor
class RegionNameIndex {

	private static final Logger log = LoggerFactory.getLogger(RegionNameIndex.class);

	private static final char SEPARATOR = '\n';

	private final JdbcClient jdbc;

	private final AtomicBoolean building = new AtomicBoolean();

	private volatile Snapshot snapshot;

	/**
	 * Codes of the regions inside {@code within} whose name contains {@code term}, shallow levels first and in code
	 * order within a level, at most {@code limit}; {@code null} if the snapshot of the tree loaded at
	 * {@code loadedAt} is not ready yet (its building is then started).
	 */
	List<String> search(String term, RegionCode within, int limit, Instant loadedAt) {
		Snapshot current = current(loadedAt);
		return current == null ? null : current.search(term, within, limit);
	}

	/**
	 * Codes of the regions inside {@code within} whose pinyin initials contain {@code initials} (already in the form of
	 * {@link NameInitials#query}), ordered as {@link #search}; {@code null} if the snapshot is not ready yet.
	 */
	List<String> searchInitials(String initials, RegionCode within, int limit, Instant loadedAt) {
		Snapshot current = current(loadedAt);
		return current == null ? null : current.searchInitials(initials, within, limit);
	}

	/**
	 * Waits up to {@code millis} for the snapshot of the tree loaded at {@code loadedAt} (starting its building), for
	 * searches the table cannot answer (pinyin initials are not stored there); whether it is ready.
	 */
	boolean awaitReady(Instant loadedAt, long millis) {
		long until = System.nanoTime() + millis * 1_000_000;
		while (current(loadedAt) == null) {
			if (System.nanoTime() > until) {
				return false;
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
		return true;
	}

	/** Whether searches on the tree loaded at {@code loadedAt} answer from memory; starts building otherwise. */
	boolean ready(Instant loadedAt) {
		return current(loadedAt) != null;
	}

	private Snapshot current(Instant loadedAt) {
		Snapshot current = snapshot;
		if (current == null || !Objects.equals(current.loadedAt(), loadedAt)) {
			buildInBackground(loadedAt);
			return null;
		}
		return current;
	}

	private void buildInBackground(Instant loadedAt) {
		if (!building.compareAndSet(false, true)) {
			return;
		}
		Thread thread = new Thread(() -> {
			try {
				long started = System.nanoTime();
				Snapshot built = build(loadedAt);
				snapshot = built;
				log.info("Region name index ready: {} regions in {} ms", built.size(),
						(System.nanoTime() - started) / 1_000_000);
			}
			catch (RuntimeException ex) {
				log.warn("Could not build the region name index; searches use the database", ex);
			}
			finally {
				building.set(false);
			}
		}, "region-name-index");
		thread.setDaemon(true);
		thread.start();
	}

	/** Reads the whole tree; also used directly by tests. */
	Snapshot build(Instant loadedAt) {
		Builder builder = new Builder();
		jdbc.sql("SELECT code, name, level FROM region")
			.query(rs -> {
				builder.add(rs.getString(1), rs.getString(2), rs.getInt(3));
			});
		return builder.finish(loadedAt);
	}

	/** Sort key of a code: its 12-digit padded value, then its level, which orders codes as the table does. */
	static long key(String code, int level) {
		long padded = Long.parseLong(code);
		for (int i = code.length(); i < 12; i++) {
			padded *= 10;
		}
		return padded * 8 + level;
	}

	private static final class Builder {

		private final List<String> names = new ArrayList<>(1 << 16);

		private long[] keys = new long[1 << 16];

		private int size;

		void add(String code, String name, int level) {
			if (size == keys.length) {
				keys = Arrays.copyOf(keys, size * 2);
			}
			keys[size++] = key(code, level);
			names.add(name.replace(SEPARATOR, ' '));
		}

		/** Orders by key (the database's collation may order codes differently) and concatenates the names. */
		Snapshot finish(Instant loadedAt) {
			Integer[] order = new Integer[size];
			for (int i = 0; i < size; i++) {
				order[i] = i;
			}
			long[] unsorted = keys;
			Arrays.sort(order, (a, b) -> Long.compare(unsorted[a], unsorted[b]));
			long[] sortedKeys = new long[size];
			int[] starts = new int[size + 1];
			int[] initialStarts = new int[size + 1];
			StringBuilder text = new StringBuilder(size * 8);
			StringBuilder initials = new StringBuilder(size * 8);
			for (int i = 0; i < size; i++) {
				sortedKeys[i] = unsorted[order[i]];
				if (i > 0 && sortedKeys[i] == sortedKeys[i - 1]) {
					throw new IllegalStateException("two regions share the sort key " + sortedKeys[i]);
				}
				starts[i] = text.length();
				initialStarts[i] = initials.length();
				String name = names.get(order[i]);
				text.append(name).append(SEPARATOR);
				initials.append(NameInitials.of(name)).append(SEPARATOR);
			}
			starts[size] = text.length();
			initialStarts[size] = initials.length();
			return new Snapshot(loadedAt, text.toString(), sortedKeys, starts, initials.toString(), initialStarts);
		}

	}

	/**
	 * One loaded tree: {@code names} holds every name followed by a separator, {@code starts[i]} is where region
	 * {@code i}'s name begins (with {@code starts[size]} the end), {@code keys[i]} its sort key, ascending;
	 * {@code initials} and {@code initialStarts} hold the names' pinyin initials the same way.
	 */
	record Snapshot(Instant loadedAt, String names, long[] keys, int[] starts, String initials, int[] initialStarts) {

		int size() {
			return keys.length;
		}

		List<String> search(String term, RegionCode within, int limit) {
			return search(names, starts, term, within, limit);
		}

		/** Regions whose initials (any reading) contain {@code term}; a match never spans two readings. */
		List<String> searchInitials(String term, RegionCode within, int limit) {
			if (term.indexOf(' ') >= 0) {
				return List.of();
			}
			return search(initials, initialStarts, term, within, limit);
		}

		private List<String> search(String names, int[] starts, String term, RegionCode within, int limit) {
			if (term.isEmpty() || term.indexOf(SEPARATOR) >= 0 || limit <= 0) {
				return List.of();
			}
			long low;
			long high;
			if (within.isCountry()) {
				low = Long.MIN_VALUE;
				high = Long.MAX_VALUE;
			}
			else {
				long step = 1;
				for (int i = within.value().length(); i < 12; i++) {
					step *= 10;
				}
				low = key(within.value(), 0);
				high = (Long.parseLong(within.padded()) + step) * 8;
			}
			int first = lowerBound(keys, low);
			int end = lowerBound(keys, high);
			// the first `limit` matches of each level, in code order; shallow levels come first in the answer
			List<List<Integer>> byLevel = new ArrayList<>();
			for (int i = 0; i <= 5; i++) {
				byLevel.add(new ArrayList<>());
			}
			int region = first;
			int to = starts[end];
			int at = names.indexOf(term, starts[first]);
			while (at >= 0 && at + term.length() <= to) {
				while (starts[region + 1] <= at) {
					region++;
				}
				if (at + term.length() < starts[region + 1]) {
					List<Integer> level = byLevel.get((int) (keys[region] & 7));
					if (level.size() < limit) {
						level.add(region);
					}
					at = names.indexOf(term, starts[region + 1]);
				}
				else {
					at = names.indexOf(term, at + 1);
				}
			}
			List<String> codes = new ArrayList<>(limit);
			for (List<Integer> level : byLevel) {
				for (int r : level) {
					if (codes.size() == limit) {
						return codes;
					}
					codes.add(code(r));
				}
			}
			return codes;
		}

		private String code(int region) {
			long k = keys[region];
			int level = (int) (k & 7);
			String padded = "%012d".formatted(k >> 3);
			return switch (level) {
				case 0 -> RegionCode.COUNTRY.value();
				case 1 -> padded.substring(0, 2);
				case 2 -> padded.substring(0, 4);
				case 3 -> padded.substring(0, 6);
				case 4 -> padded.substring(0, 9);
				default -> padded;
			};
		}

		private static int lowerBound(long[] keys, long value) {
			int index = Arrays.binarySearch(keys, value);
			return index >= 0 ? index : -index - 1;
		}

	}

}
