package org.wushe.actor.registry;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.function.LongSupplier;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.wushe.shared.InvalidInputException;

/** Who writes now, and when: the created/updated columns of every registry row. */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Writer {

	private final Clock clock;

	public Timestamp now() {
		return Timestamp.from(Instant.now(clock));
	}

	public Clock clock() {
		return clock;
	}

	/** Inserts a person: an ID number registered already is refused as an error of the field {@code idNumber}. */
	public static long insertOnce(LongSupplier insert) {
		try {
			return insert.getAsLong();
		}
		catch (DuplicateKeyException ex) {
			throw InvalidInputException.of("idNumber", "actor.id-number.taken");
		}
	}

	/** Changes a person: an ID number registered already is refused as an error of the field {@code idNumber}. */
	public static void updateOnce(Runnable update) {
		insertOnce(() -> {
			update.run();
			return 0;
		});
	}

	public String name() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth == null || !auth.isAuthenticated() ? "system" : auth.getName();
	}

}
