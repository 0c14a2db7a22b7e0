package org.wushe.article;

import java.util.Locale;

/**
 * One result of checking an article against 附件2. Errors block submission; warnings are shown and recorded with the
 * submission but do not block it.
 *
 * @param field the form field it concerns ({@code title}, {@code bodyHtml}, {@code eventPlace}, {@code images}, …)
 * @param word the banned or wrong word as written in the text, for those kinds
 * @param suggestion the right word, for a wrong word
 * @param note why, for a wrong word (optional)
 * @param count the counted length, for length findings
 * @param min the lower end of the length range in force
 * @param max the upper end of the length range in force
 */
public record Finding(Severity severity, Kind kind, String field, String word, String suggestion, String note,
		Integer count, Integer min, Integer max) {

	public enum Severity {

		ERROR, WARNING;

		public String messageKey() {
			return "article.severity." + name().toLowerCase(Locale.ROOT);
		}

	}

	public enum Kind {

		/** A required element (or the image) is missing. */
		MISSING(Severity.ERROR),
		/** A word of the banned list. */
		BANNED(Severity.ERROR),
		/** The body is shorter than the range. */
		LENGTH_SHORT(Severity.WARNING),
		/** The body is longer than the range. */
		LENGTH_LONG(Severity.WARNING),
		/** A common wrong word, with its suggestion. */
		WRONG_WORD(Severity.WARNING);

		private final Severity severity;

		Kind(Severity severity) {
			this.severity = severity;
		}

		public Severity severity() {
			return severity;
		}

	}

	static Finding missing(String field) {
		return new Finding(Severity.ERROR, Kind.MISSING, field, null, null, null, null, null, null);
	}

	static Finding banned(String field, String word) {
		return new Finding(Severity.ERROR, Kind.BANNED, field, word, null, null, null, null, null);
	}

	static Finding length(int count, int min, int max) {
		Kind kind = count < min ? Kind.LENGTH_SHORT : Kind.LENGTH_LONG;
		return new Finding(Severity.WARNING, kind, "bodyHtml", null, null, null, count, min, max);
	}

	static Finding wrongWord(String field, String word, String suggestion, String note) {
		return new Finding(Severity.WARNING, Kind.WRONG_WORD, field, word, suggestion, note, null, null, null);
	}

	public boolean isError() {
		return severity == Severity.ERROR;
	}

	/** The message key of the explanation (the field's label goes in front of it). */
	public String messageKey() {
		if (kind == Kind.MISSING && "images".equals(field)) {
			return "article.finding.missing-images";
		}
		if (kind == Kind.WRONG_WORD && note != null && !note.isBlank()) {
			return "article.finding.wrong-word-noted";
		}
		return "article.finding." + kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/** The arguments of {@link #messageKey()}. */
	public Object[] args() {
		return switch (kind) {
			case MISSING -> new Object[0];
			case BANNED -> new Object[] { word };
			case LENGTH_SHORT, LENGTH_LONG -> new Object[] { count, min, max };
			case WRONG_WORD -> new Object[] { word, suggestion, note == null ? "" : note };
		};
	}

}
