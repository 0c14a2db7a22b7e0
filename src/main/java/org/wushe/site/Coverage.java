package org.wushe.site;

import java.util.Map;

/**
 * The network in one region subtree: how many centres, stations and rooms operate there, and what share of the
 * counties, townships and villages in the subtree have an operating site of their level. A share is {@code null} when
 * the subtree has no region of that level (a township has no counties below it). A region of the level itself counts
 * as one: the coverage of a county by centres is 0 or 1.
 *
 * @param sites all sites of the subtree by type and status (planned, suspended and closed ones too)
 */
public record Coverage(String regionCode, String regionName, int level, long centres, long stations, long rooms,
		int counties, int townships, int villages, Double countyCoverage, Double townshipCoverage,
		Double villageCoverage, Map<SiteType, Map<SiteStatus, Long>> sites) {

	/** The sites of {@code type} with {@code status}. */
	public long count(SiteType type, SiteStatus status) {
		return sites.getOrDefault(type, Map.of()).getOrDefault(status, 0L);
	}

	/** The sites of {@code type} that are planned or suspended (not yet or not now covering). */
	public long notOperating(SiteType type) {
		return count(type, SiteStatus.PLANNED) + count(type, SiteStatus.SUSPENDED);
	}

	/** The share for {@code type}'s level, or {@code null}. */
	public Double coverage(SiteType type) {
		return switch (type) {
			case CENTRE -> countyCoverage;
			case STATION -> townshipCoverage;
			case ROOM -> villageCoverage;
		};
	}

	/** The number of regions of {@code type}'s level in the subtree. */
	public int regions(SiteType type) {
		return switch (type) {
			case CENTRE -> counties;
			case STATION -> townships;
			case ROOM -> villages;
		};
	}

	/** The operating sites of {@code type}. */
	public long operating(SiteType type) {
		return switch (type) {
			case CENTRE -> centres;
			case STATION -> stations;
			case ROOM -> rooms;
		};
	}

}
