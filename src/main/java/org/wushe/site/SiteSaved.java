package org.wushe.site;

import org.wushe.region.RegionCode;

/** A site was created or changed; {@code previous} is its status before, or {@code null} when it is new. */
public record SiteSaved(long siteId, SiteType type, RegionCode region, SiteStatus status, SiteStatus previous) {
}
