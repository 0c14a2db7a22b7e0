package org.wushe.stats;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

/**
 * Dashboards already computed at the current {@link FigureVersion}. The version is read on every request, before
 * computing; an entry is only ever served for the version it was computed at, and the whole cache is dropped when the
 * version moves, so an answer is never older than the last committed change. Bounded, least recently used out first.
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

	private final Map<Key, Dashboard> entries = new LinkedHashMap<>(256, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<Key, Dashboard> eldest) {
			return size() > MAX_ENTRIES;
		}
	};

	DashboardCache(FigureVersion version) {
		this.version = version;
	}

	Dashboard get(Key key, Supplier<Dashboard> compute) {
		long now = version.current();
		synchronized (this) {
			if (now != cachedVersion) {
				entries.clear();
				cachedVersion = now;
			}
			Dashboard hit = entries.get(key);
			if (hit != null) {
				return hit;
			}
		}
		Dashboard computed = compute.get();
		synchronized (this) {
			// keep it only if no newer version has been seen meanwhile
			if (now == cachedVersion) {
				entries.put(key, computed);
			}
		}
		return computed;
	}

}
