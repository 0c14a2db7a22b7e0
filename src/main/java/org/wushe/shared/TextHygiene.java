package org.wushe.shared;

import java.util.Locale;
import java.util.Set;

/**
 * The one rule for characters in submitted text, applied to every JSON string and every form or query parameter
 * before any module sees them: no C0 control characters (tab and line breaks only in multi-line fields), no DEL, no
 * C1 controls, no bidirectional overrides or isolates (U+202A–U+202E, U+2066–U+2069), which can make a name read
 * differently on screen than it is stored.
 */
public final class TextHygiene {

	/** Fields typed into a multi-line text box (the last segment of a field's path, e.g. {@code items[0].content}). */
	static final Set<String> MULTI_LINE = Set.of("activityforms", "body", "bodyhtml", "comment", "comments",
			"content", "contentitems", "deadlines", "reason", "servicecontent", "serviceitems", "serviceprocess",
			"description", "remark", "remarks", "note", "notes", "summary", "words", "text");

	/** How much of a submitted value an error answer may repeat. */
	public static final int ECHO_LIMIT = 100;

	private TextHygiene() {
	}

	/** The message key of what is wrong with {@code value} in {@code field}, or {@code null} if nothing is. */
	public static String problem(String field, String value) {
		if (value == null) {
			return null;
		}
		boolean multiLine = multiLine(field);
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '\n' || c == '\r' || c == '\t') {
				if (!multiLine) {
					return "error.text.line-break";
				}
			}
			else if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || (c >= 0x202A && c <= 0x202E)
					|| (c >= 0x2066 && c <= 0x2069)) {
				return "error.text.control-character";
			}
		}
		return null;
	}

	/** Whether {@code field} (a name or a path) is a multi-line text. */
	static boolean multiLine(String field) {
		if (field == null) {
			return false;
		}
		String last = field.replaceAll("\\[[^\\]]*\\]", "");
		last = last.substring(last.lastIndexOf('.') + 1);
		return MULTI_LINE.contains(last.toLowerCase(Locale.ROOT));
	}

	/**
	 * {@code text} as an answer may repeat it: control characters shown as {@code \\uXXXX}, at most
	 * {@link #ECHO_LIMIT} characters, cut ones marked with an ellipsis.
	 */
	public static String shown(String text) {
		if (text == null) {
			return null;
		}
		StringBuilder sb = new StringBuilder();
		int i = 0;
		for (; i < text.length() && sb.length() < ECHO_LIMIT; i++) {
			char c = text.charAt(i);
			if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || (c >= 0x202A && c <= 0x202E)
					|| (c >= 0x2066 && c <= 0x2069)) {
				sb.append(String.format("\\u%04X", (int) c));
			}
			else {
				sb.append(c);
			}
		}
		boolean cut = i < text.length() || sb.length() > ECHO_LIMIT;
		String kept = sb.length() > ECHO_LIMIT ? sb.substring(0, ECHO_LIMIT) : sb.toString();
		return cut ? kept + "…" : kept;
	}

}
