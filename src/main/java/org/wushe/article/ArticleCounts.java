package org.wushe.article;

import java.util.List;

import org.wushe.region.RegionCode;

/**
 * Article counts for the units inside a region: how many were submitted, approved (at least once), recommended (at
 * least once to a level further up) and are published now. {@code children} breaks the region down by its direct
 * children; articles written by the region itself form a row of their own ({@code own}).
 */
public record ArticleCounts(RegionCode region, String regionName, boolean own, long submitted, long approved,
		long recommended, long published, List<ArticleCounts> children) {

	public ArticleCounts {
		children = children == null ? List.of() : List.copyOf(children);
	}

}
