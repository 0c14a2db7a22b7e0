package org.wushe.stats;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

/**
 * Dashboards already computed at the current {@link FigureVersion}, and what is derived from them alone (the rendered
 * body of the page). The version is read on every request, before computing; an entry is only ever served for the
 * version it was computed at, and the whole cache is dropped when the version moves, so an answer is never older than
 * the last committed change. Bounded, least recently used out first.
 */
@Component
class DashboardCache {

	static final int MAX_ENTRIES = 5_000;

	/**
	 * @param viewer the viewer's scope root when a campaign is chosen (campaign visibility depends on the viewer),
	 * otherwise empty: figures of a region in scope do not depend on who asks
	 */
	record Key(String viewer, String region, java.time.LocalDate from, java.time.LocalDate to, Long campaign,
			Granularity granularity) {
	}

	private final FigureVersion version;

	private long cachedVersion = -1;

	/**
	 * Something derived from the dashboard of {@code dashboard} only, as seen from the viewer's scope root
	 * {@code viewer} (breadcrumbs stop there), in one variant (e.g. the language of a rendered page).
	 */
	record DerivedKey(Key dashboard, String viewer, Object variant) {
	}

	/**
	 * Bound on the memory the entries hold, estimated from their size: rendered bodies and serialized answers of large
	 * regions take tens of kilobytes each, and a crawler walking every county between two writes must not fill the
	 * heap.
	 */
	static final long MAX_WEIGHT = 48L * 1024 * 1024;

	/** What a computed {@link Dashboard} is taken to weigh (its series, domains and child rows). */
	static final long DASHBOARD_WEIGHT = 32 * 1024;

	private final Map<Object, Object> entries = new LinkedHashMap<>(256, 0.75f, true);

	private long weight;

	DashboardCache(FigureVersion version) {
		this.version = version;
	}

	Dashboard get(Key key, Supplier<Dashboard> compute) {
		return lookUp(key, compute);
	}

	<T> T get(DerivedKey key, Supplier<T> compute) {
		return lookUp(key, compute);
	}

	@SuppressWarnings("unchecked")
	private <T> T lookUp(Object key, Supplier<T> compute) {
		long now = version.current();
		synchronized (this) {
			if (now != cachedVersion) {
				entries.clear();
				weight = 0;
				cachedVersion = now;
			}
			Object hit = entries.get(key);
			if (hit != null) {
				return (T) hit;
			}
		}
		T computed = compute.get();
		synchronized (this) {
			// keep it only if no newer version has been seen meanwhile
			if (now == cachedVersion) {
				Object replaced = entries.put(key, computed);
				weight += weigh(computed) - (replaced == null ? 0 : weigh(replaced));
				var eldest = entries.entrySet().iterator();
				while ((entries.size() > MAX_ENTRIES || weight > MAX_WEIGHT) && eldest.hasNext()) {
					weight -= weigh(eldest.next().getValue());
					eldest.remove();
				}
			}
		}
		return computed;
	}

	static long weigh(Object entry) {
		if (entry instanceof String text) {
			return 48L + 2L * text.length();
		}
		if (entry instanceof byte[] bytes) {
			return 16L + bytes.length;
		}
		if (entry instanceof DashboardPages.Body body) {
			return 64L + body.bytes().length;
		}
		return DASHBOARD_WEIGHT;
	}

	/** Entries held and their estimated weight, for tests. */
	synchronized long[] size() {
		return new long[] { entries.size(), weight };
	}

}
