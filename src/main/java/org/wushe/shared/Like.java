package org.wushe.shared;

/**
 * What a user typed into a search box, made safe for {@code LIKE ... ESCAPE '\'}: {@code %} and {@code _} are
 * matched literally, not as wildcards.
 */
public final class Like {

	private Like() {
	}

	/** {@code text} with {@code \}, {@code %} and {@code _} escaped by a backslash. */
	public static String escape(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	/** A pattern that finds {@code text} anywhere in a value. */
	public static String containing(String text) {
		return "%" + escape(text) + "%";
	}

}
