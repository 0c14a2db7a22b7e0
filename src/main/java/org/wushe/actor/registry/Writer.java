package org.wushe.actor.registry;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Who writes now, and when: the created/updated columns of every registry row. */
@Component
public class Writer {

	private final Clock clock;

	Writer(Clock clock) {
		this.clock = clock;
	}

	public Timestamp now() {
		return Timestamp.from(Instant.now(clock));
	}

	public Clock clock() {
		return clock;
	}

	public String name() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth == null || !auth.isAuthenticated() ? "system" : auth.getName();
	}

}
