package org.wushe.site;

import java.util.Locale;

import org.wushe.shared.EnumNames;

/** Where a site stands. Only an operating site covers its region. */
public enum SiteStatus {

	/** 筹建中. */
	PLANNED,
	/** 运营中. */
	OPERATING,
	/** 暂停服务. */
	SUSPENDED,
	/** 已撤销: no longer counts as the region's site; another may be set up. */
	CLOSED;

	public String messageKey() {
		return "site.status." + name().toLowerCase(Locale.ROOT);
	}

	/** Whether the site still holds its region (everything but closed). */
	public boolean isActive() {
		return this != CLOSED;
	}

	/** Whether the public may see the site's page: it operates, or has paused (and says so); not while planned. */
	public boolean isPublic() {
		return this == OPERATING || this == SUSPENDED;
	}

	/** Reads a status name (any case), or answers {@code null}. */
	public static SiteStatus parse(String text) {
		return EnumNames.parse(SiteStatus.class, text);
	}

}
