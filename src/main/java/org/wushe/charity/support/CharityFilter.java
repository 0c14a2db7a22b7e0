package org.wushe.charity.support;

import java.util.Locale;

import org.wushe.actor.NameInitials;
import org.wushe.region.RegionScope;

/** The filters of a charity list: region subtree (already in scope), text, kind, and the page window. */
public record CharityFilter(RegionScope scope, String text, String kind, int offset, int size) {

	public static final int MAX_SIZE = 500;

	public CharityFilter {
		text = text == null ? "" : text.strip();
		kind = kind == null ? "" : kind.strip().toUpperCase(Locale.ROOT);
		offset = Math.max(offset, 0);
		size = Math.min(Math.max(size, 1), MAX_SIZE);
	}

	public String namePattern() {
		return "%" + text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
	}

	public String initialsPattern() {
		String q = NameInitials.query(text);
		return q.isEmpty() ? "" : "%" + q + "%";
	}

	public int page() {
		return offset / size;
	}

}
