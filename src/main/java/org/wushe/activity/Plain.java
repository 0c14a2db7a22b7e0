package org.wushe.activity;

import java.text.Normalizer;

/**
 * Text as typed in Chinese forms and spreadsheets made plain for reading: full-width letters, digits and punctuation
 * become their ASCII forms (NFKC), and the ideographic space a normal space. Plain text passes through without the
 * cost of normalisation, which matters when a workbook has a hundred thousand rows.
 */
final class Plain {

	private Plain() {
	}

	static String of(String text) {
		if (text == null) {
			return "";
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c >= '\u3000' && c <= '\u303f' || c >= '\uff00' && c <= '\uffef' || c >= '\u2000' && c <= '\u206f'
					|| c == '\u00a0') {
				return Normalizer.normalize(text, Normalizer.Form.NFKC);
			}
		}
		return text;
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
