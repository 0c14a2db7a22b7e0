package org.wushe.site;

import java.time.Instant;
import java.time.LocalDate;

/** One line of the site list and export. */
public record SiteRow(long id, SiteType type, String regionCode, String regionName, String name, String address,
		String phone, String openingHours, SiteStatus status, LocalDate openedOn, int staffCount, int itemCount,
		Instant updatedAt) {
}
