package org.wushe.stats;

import java.util.concurrent.ThreadLocalRandom;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The version of all figures the dashboard shows. Writers {@link #bump()} it inside the transaction of their change
 * (through the events the modules publish), readers read {@link #current()} before they compute, so an answer computed
 * at version V may be reused exactly as long as the version is still V. Held in the database, so it is right for any
 * number of application instances.
 */
@Component
@RequiredArgsConstructor
class FigureVersion {

	static final int STRIPES = 16;

	private final JdbcClient jdbc;

	/** Counts one change; call inside the changing transaction. */
	void bump() {
		jdbc.sql("UPDATE stats_version SET changes = changes + 1 WHERE stripe = :s")
			.param("s", ThreadLocalRandom.current().nextInt(STRIPES))
			.update();
	}

	long current() {
		return jdbc.sql("SELECT SUM(changes) FROM stats_version").query(Long.class).single();
	}

}
