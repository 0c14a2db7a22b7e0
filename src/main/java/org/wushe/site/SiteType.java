package org.wushe.site;

import java.util.Locale;

import org.wushe.region.RegionLevel;
import org.wushe.shared.EnumNames;

/** The three tiers, each on its own level of the region tree. */
public enum SiteType {

	/** 区县社会工作指导中心, on a county-level region. */
	CENTRE(RegionLevel.COUNTY),

	/** 乡镇（街道）社工站, on a township-level region. */
	STATION(RegionLevel.TOWNSHIP),

	/** 村（社区）社工室, on a village-level region. */
	ROOM(RegionLevel.VILLAGE);

	private final RegionLevel level;

	SiteType(RegionLevel level) {
		this.level = level;
	}

	/** The level of region this type of site sits on. */
	public RegionLevel level() {
		return level;
	}

	public String messageKey() {
		return "site.type." + name().toLowerCase(Locale.ROOT);
	}

	/** The type that sits on {@code level}, or {@code null}. */
	public static SiteType forLevel(RegionLevel level) {
		for (SiteType t : values()) {
			if (t.level == level) {
				return t;
			}
		}
		return null;
	}

	/** Reads a type name (any case), or answers {@code null}. */
	public static SiteType parse(String text) {
		return EnumNames.parse(SiteType.class, text);
	}

}
