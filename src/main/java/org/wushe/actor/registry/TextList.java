package org.wushe.actor.registry;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A short list of free-text items (teams, skills) typed with any of {@code , ， 、 ; ；} or new lines between them;
 * stored joined with {@code ,}.
 */
public final class TextList {

	/** How lists are shown to people: the enumeration comma. */
	public static final String DISPLAY_SEPARATOR = "\u3001";

	private static final Pattern SEPARATORS = Pattern.compile("[,，、;；\\r\\n]+");

	private TextList() {
	}

	public static List<String> parse(String text) {
		Set<String> items = new LinkedHashSet<>();
		if (text != null) {
			for (String part : SEPARATORS.split(text)) {
				String item = part.strip();
				if (!item.isEmpty()) {
					items.add(item);
				}
			}
		}
		return new ArrayList<>(items);
	}

	public static List<String> parse(List<String> parts) {
		return parse(parts == null ? "" : String.join(",", parts));
	}

	public static String join(List<String> items) {
		return String.join(",", items);
	}

	/** The stored form as a list. */
	public static List<String> stored(String joined) {
		return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split(","));
	}

}
