package org.wushe.personal;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * How many exact personal-data searches each user may make per window: a fixed window per user, kept in memory
 * (a restart forgives). Old windows are dropped as the map grows.
 */
final class SearchAllowance {

	private record Window(long start, int used) {
	}

	private static final int MAX_USERS = 10_000;

	private final Clock clock;

	private final int perWindow;

	private final long windowMillis;

	private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();

	SearchAllowance(Clock clock, int perWindow, Duration window) {
		this.clock = clock;
		this.perWindow = perWindow;
		this.windowMillis = window.toMillis();
	}

	int perWindow() {
		return perWindow;
	}

	/** Takes one search for {@code user}; false when the user's allowance for this window is spent. */
	boolean take(String user) {
		long now = clock.millis();
		if (windows.size() > MAX_USERS) {
			windows.values().removeIf(w -> now - w.start() >= windowMillis);
		}
		Window w = windows.compute(user, (k, old) -> old == null || now - old.start() >= windowMillis
				? new Window(now, 1) : new Window(old.start(), old.used() + 1));
		return w.used() <= perWindow;
	}

}
