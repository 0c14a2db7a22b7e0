package org.wushe.site;

import org.wushe.region.RegionCode;

/**
 * Filters of the site list: a region subtree (inside the user's scope; {@code null} for the whole scope), type,
 * status, and a text matched against the name, its pinyin initials, or the region code.
 */
public record SiteQuery(RegionCode within, SiteType type, SiteStatus status, String text) {

	public SiteQuery {
		text = text == null ? "" : text.strip();
	}

	public static SiteQuery all() {
		return new SiteQuery(null, null, null, "");
	}

}
