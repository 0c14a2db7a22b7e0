package org.wushe.actor.registry;

import java.util.Locale;
import java.util.Map;

import org.wushe.personal.IdNumber;
import org.wushe.shared.Like;
import org.wushe.shared.NameInitials;
import org.wushe.personal.PhoneNumber;
import org.wushe.region.RegionScope;

/**
 * The filters of a registry list: the effective region subtree (already narrowed to the user's scope), a search text
 * matched against the name and its pinyin initials, a kind and a status (blank = any), and the page window.
 */
public record ListQuery(RegionScope scope, String text, String kind, String status, int offset, int size) {

	public static final int MAX_SIZE = 500;

	public ListQuery {
		text = text == null ? "" : text.strip();
		kind = kind == null ? "" : kind.strip().toUpperCase(Locale.ROOT);
		status = status == null ? "" : status.strip().toUpperCase(Locale.ROOT);
		offset = Math.max(offset, 0);
		size = Math.min(Math.max(size, 1), MAX_SIZE);
	}

	/** The same filters without a window, for exports and counts. */
	public ListQuery all() {
		return new ListQuery(scope, text, kind, status, 0, MAX_SIZE);
	}

	/** {@code LIKE} pattern of the lower-cased text, with {@code \} as escape; {@code %} when blank. */
	public String namePattern() {
		return Like.containing(text.toLowerCase(Locale.ROOT));
	}

	/** {@code LIKE} pattern of the text as pinyin initials, or a pattern that matches nothing useful when empty. */
	public String initialsPattern() {
		return NameInitials.pattern(text);
	}

	/**
	 * The search text as a page may show it again: an ID number or phone number searched for exactly is masked, so
	 * that the full value is not echoed into the page (or its links).
	 */
	public String displayText() {
		if (IdNumber.isValid(text)) {
			return IdNumber.mask(IdNumber.normalise(text));
		}
		return PhoneNumber.normalised(text).map(PhoneNumber::mask).orElse(text);
	}

	/**
	 * The named parameters of a registry's list SQL: {@code from}, {@code to} (the scope), {@code kind},
	 * {@code status}, {@code text}, {@code pattern} ({@link #namePattern()}) and {@code initials}
	 * ({@link #initialsPattern()}).
	 */
	public Map<String, Object> params() {
		return Map.of("from", scope.from(), "to", scope.to(), "kind", kind, "status", status, "text", text, "pattern",
				namePattern(), "initials", initialsPattern());
	}

	public boolean hasText() {
		return !text.isEmpty();
	}

	public static String escape(String s) {
		return Like.escape(s);
	}

}
