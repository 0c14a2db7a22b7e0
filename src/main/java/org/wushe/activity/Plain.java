package org.wushe.activity;

import org.wushe.shared.HalfWidth;

/**
 * Text as typed in Chinese forms and spreadsheets made plain for reading, through the shared folder
 * {@link HalfWidth}: full-width letters, digits and punctuation become their ASCII forms, and the ideographic space a
 * normal space.
 */
final class Plain {

	private Plain() {
	}

	static String of(String text) {
		return HalfWidth.of(text);
	}

	/** {@link #of} without any whitespace. */
	static String compact(String text) {
		String s = of(text);
		StringBuilder b = null;
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
				if (b == null) {
					b = new StringBuilder(s.length());
					b.append(s, 0, i);
				}
			}
			else if (b != null) {
				b.append(c);
			}
		}
		return b == null ? s : b.toString();
	}

	/** Whether the text has nothing but whitespace. */
	static boolean isBlank(String text) {
		if (text == null) {
			return true;
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
				return false;
			}
		}
		return true;
	}

}
