package org.wushe.shared;

import java.util.Locale;

/** Reads the name of an enum constant as typed into a filter or a link: any case, surrounding blanks ignored. */
public final class EnumNames {

	private EnumNames() {
	}

	/** The constant of {@code type} named {@code text}, or {@code null} when there is none (or no text). */
	public static <E extends Enum<E>> E parse(Class<E> type, String text) {
		if (text == null) {
			return null;
		}
		try {
			return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
