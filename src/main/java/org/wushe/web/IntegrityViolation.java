package org.wushe.web;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;

/**
 * What a refused write says about itself, read from the database's own message (H2 and PostgreSQL): whether it broke
 * a unique key or a reference, and the column concerned as a form field ({@code site_id} → {@code siteId}). Only the
 * constraint and column names are read; the values in the message are never shown.
 *
 * @param duplicate a unique key (or primary key) was violated, typically by two identical requests at once
 * @param reference a reference points to a row that does not exist (or was just deleted)
 * @param field the form field of the column, if the message names one
 */
record IntegrityViolation(boolean duplicate, boolean reference, Optional<String> field) {

	/** PostgreSQL: {@code Key (username)=(…)}, H2: {@code ON PUBLIC.ACCOUNTS(USERNAME NULLS FIRST)}. */
	private static final Pattern UNIQUE_COLUMN = Pattern
		.compile("(?:Key \\(([a-z0-9_]+)(?:, [^)]*)?\\)=|\\bON [A-Z0-9_.\"]+\\(\"?([A-Z0-9_]+)\"?[ ,)])");

	/** PostgreSQL: {@code Key (site_id)=(…) is not present}, H2: {@code FOREIGN KEY(SITE_ID)}. */
	private static final Pattern REFERENCE_COLUMN = Pattern
		.compile("(?:Key \\(([a-z0-9_]+)\\)=|FOREIGN KEY\\(\"?([A-Z0-9_]+)\"?\\))");

	static IntegrityViolation of(DataIntegrityViolationException ex) {
		String state = sqlState(ex);
		String message = ex.getMostSpecificCause().getMessage();
		message = message == null ? "" : message;
		boolean duplicate = ex instanceof DuplicateKeyException || "23505".equals(state);
		boolean reference = !duplicate && ("23503".equals(state) || "23506".equals(state));
		Pattern columns = duplicate ? UNIQUE_COLUMN : reference ? REFERENCE_COLUMN : null;
		Optional<String> field = Optional.empty();
		if (columns != null) {
			Matcher m = columns.matcher(message);
			if (m.find()) {
				field = Optional.of(camel(m.group(1) != null ? m.group(1) : m.group(2)));
			}
		}
		return new IntegrityViolation(duplicate, reference, field);
	}

	private static String sqlState(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof SQLException sql && sql.getSQLState() != null) {
				return sql.getSQLState();
			}
		}
		return "";
	}

	/** {@code ID_NUMBER_HASH} → {@code idNumber}: the column in camel case, without the hash suffix of sealed data. */
	static String camel(String column) {
		String c = column.toLowerCase(Locale.ROOT);
		if (c.endsWith("_hash")) {
			c = c.substring(0, c.length() - "_hash".length());
		}
		StringBuilder out = new StringBuilder();
		boolean upper = false;
		for (char ch : c.toCharArray()) {
			if (ch == '_') {
				upper = true;
			}
			else {
				out.append(upper ? Character.toUpperCase(ch) : ch);
				upper = false;
			}
		}
		return out.toString();
	}

}
