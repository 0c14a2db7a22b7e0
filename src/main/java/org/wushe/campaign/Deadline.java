package org.wushe.campaign;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;

import org.wushe.shared.DateText;
import org.wushe.shared.HalfWidth;

/**
 * A reporting deadline: the n-th (1-based) instant by which reporting units send their progress report. Whether a
 * submission is on time, and which reminder is due, is computed from the instant and the clock, never stored as a
 * flag that a job would have to flip.
 * <p>
 * A submission at exactly the deadline instant is on time; one millisecond later is late.
 */
public record Deadline(int number, Instant dueAt) {

	/** The zone in which deadlines are stated and shown. */
	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	/** The first reminder: one day before. */
	public static final Duration DAY_BEFORE = Duration.ofHours(24);

	/** The second reminder: two hours before. */
	public static final Duration HOURS_BEFORE = Duration.ofHours(2);

	/** Where a moment stands relative to a deadline, as far as reminders go. */
	public enum Phase {

		/** More than 24 hours to go. */
		OPEN,
		/** Within the last 24 hours (the first reminder is due). */
		DUE_IN_A_DAY,
		/** Within the last 2 hours (the second reminder is due). */
		DUE_IN_HOURS,
		/** The deadline has passed. */
		PASSED;

		public String messageKey() {
			return "campaign.deadline.phase." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
		}

	}

	public Deadline {
		if (number < 1 || dueAt == null) {
			throw new IllegalArgumentException("deadline " + number + " " + dueAt);
		}
	}

	/** On time means at or before the deadline instant. */
	public boolean isOnTime(Instant submittedAt) {
		return !submittedAt.isAfter(dueAt);
	}

	public boolean hasPassed(Instant now) {
		return now.isAfter(dueAt);
	}

	public Phase phaseAt(Instant now) {
		if (hasPassed(now)) {
			return Phase.PASSED;
		}
		Duration left = Duration.between(now, dueAt);
		if (left.compareTo(HOURS_BEFORE) <= 0) {
			return Phase.DUE_IN_HOURS;
		}
		if (left.compareTo(DAY_BEFORE) <= 0) {
			return Phase.DUE_IN_A_DAY;
		}
		return Phase.OPEN;
	}

	/** The deadline as local date and time in Asia/Shanghai. */
	public LocalDateTime local() {
		return LocalDateTime.ofInstant(dueAt, ZONE);
	}

	/** The last day whose activities a report for this deadline covers (the deadline's local date). */
	public LocalDate lastDay() {
		return local().toLocalDate();
	}

	/**
	 * Reads a deadline as written in a form or an API body: an ISO-8601 instant ({@code 2022-03-24T09:00:00Z}), a
	 * date-time with offset ({@code 2022-03-24T17:00+08:00}), or a local date-time taken in Asia/Shanghai
	 * ({@code 2022-03-24T17:00}, {@code 2022-03-24 17:00}, and any date {@link DateText} reads followed by the time:
	 * {@code 2022年3月24日 17:00}, {@code 2022/3/24 17:00}, full-width digits).
	 *
	 * @throws DateTimeParseException when the text is none of these
	 */
	public static Instant parseInstant(String text) {
		String typed = text == null ? "" : HalfWidth.of(text).strip();
		if (typed.isEmpty()) {
			throw new DateTimeParseException("empty", typed, 0);
		}
		String s = typed.replace(' ', 'T');
		try {
			return OffsetDateTime.parse(s).toInstant();
		}
		catch (DateTimeParseException ex) {
			try {
				return ZonedDateTime.parse(s).toInstant();
			}
			catch (DateTimeParseException notZoned) {
				try {
					return DateText.parseDateTime(typed).atZone(ZONE).toInstant();
				}
				catch (DateText.NotADate notLocal) {
					throw notZoned;
				}
			}
		}
	}

}
