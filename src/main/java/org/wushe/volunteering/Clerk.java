package org.wushe.volunteering;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import lombok.RequiredArgsConstructor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Who writes now, and when. */
@Component
@RequiredArgsConstructor
class Clerk {

	private final Clock clock;

	Timestamp now() {
		return Timestamp.from(Instant.now(clock));
	}

	LocalDate today() {
		return LocalDate.now(clock);
	}

	Clock clock() {
		return clock;
	}

	String name() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth == null || !auth.isAuthenticated() ? "system" : auth.getName();
	}

}
