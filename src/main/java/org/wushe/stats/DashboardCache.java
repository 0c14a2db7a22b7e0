package org.wushe.stats;

import java.util.function.Supplier;

import lombok.RequiredArgsConstructor;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Component;

/**
 * Dashboards already computed at the current {@link FigureVersion}, and what is derived from them alone (the rendered
 * body of the page). The version is read on every request, before computing, and is part of every entry's key: an
 * entry is only ever served for the version it was computed at, so an answer is never older than the last committed
 * change; when the version moves, the older entries are dropped. The entries are held in a Caffeine cache bounded by
 * their estimated weight (and so by their number, each counting at least {@link #MIN_WEIGHT}); which entries it keeps
 * within the bound is Caffeine's choice (recent and frequent ones).
 */
@Component
@RequiredArgsConstructor
class DashboardCache {

	static final int MAX_ENTRIES = 5_000;

	/**
	 * @param viewer the viewer's scope root when a campaign is chosen (campaign visibility depends on the viewer),
	 * otherwise empty: figures of a region in scope do not depend on who asks
	 */
	record Key(String viewer, String region, java.time.LocalDate from, java.time.LocalDate to, Long campaign,
			Granularity granularity) {
	}

	/**
	 * Something derived from the dashboard of {@code dashboard} only, as seen from the viewer's scope root
	 * {@code viewer} (breadcrumbs stop there), in one variant (e.g. the language of a rendered page).
	 */
	record DerivedKey(Key dashboard, String viewer, Object variant) {
	}

	/** An entry's key with the figure version it was computed at. */
	private record AtVersion(long version, Object key) {
	}

	/**
	 * Bound on the memory the entries hold, estimated from their size: rendered bodies and serialized answers of large
	 * regions take tens of kilobytes each, and a crawler walking every county between two writes must not fill the
	 * heap.
	 */
	static final long MAX_WEIGHT = 48L * 1024 * 1024;

	/** The least an entry counts for, so that the bound on weight also holds the entries to {@link #MAX_ENTRIES}. */
	static final long MIN_WEIGHT = MAX_WEIGHT / MAX_ENTRIES;

	/** What a computed {@link Dashboard} is taken to weigh (its series, domains and child rows). */
	static final long DASHBOARD_WEIGHT = 32 * 1024;

	private final FigureVersion version;

	private final Cache<AtVersion, Object> entries = Caffeine.newBuilder()
		.maximumWeight(MAX_WEIGHT)
		.weigher((AtVersion key, Object value) -> (int) Math.min(Integer.MAX_VALUE, weigh(value)))
		.executor(Runnable::run)
		.build();

	private long newestVersion = Long.MIN_VALUE;

	Dashboard get(Key key, Supplier<Dashboard> compute) {
		return lookUp(key, compute);
	}

	<T> T get(DerivedKey key, Supplier<T> compute) {
		return lookUp(key, compute);
	}

	@SuppressWarnings("unchecked")
	private <T> T lookUp(Object key, Supplier<T> compute) {
		long now = version.current();
		dropOlderThan(now);
		AtVersion at = new AtVersion(now, key);
		Object hit = entries.getIfPresent(at);
		if (hit != null) {
			return (T) hit;
		}
		T computed = compute.get();
		// keep it only if no newer version has been seen meanwhile
		synchronized (this) {
			if (now == newestVersion) {
				entries.put(at, computed);
			}
		}
		return computed;
	}

	/** Drops the entries of any other version once the version moved. */
	private synchronized void dropOlderThan(long now) {
		if (now != newestVersion) {
			newestVersion = now;
			entries.asMap().keySet().removeIf(k -> k.version() != now);
		}
	}

	static long weigh(Object entry) {
		long weight;
		if (entry instanceof String text) {
			weight = 48L + 2L * text.length();
		}
		else if (entry instanceof byte[] bytes) {
			weight = 16L + bytes.length;
		}
		else if (entry instanceof DashboardPages.Body body) {
			weight = 64L + body.bytes().length;
		}
		else {
			weight = DASHBOARD_WEIGHT;
		}
		return Math.max(weight, MIN_WEIGHT);
	}

	/** Entries held and their estimated weight, for tests. */
	long[] size() {
		entries.cleanUp();
		return new long[] { entries.estimatedSize(),
				entries.policy().eviction().orElseThrow().weightedSize().orElseThrow() };
	}

}
