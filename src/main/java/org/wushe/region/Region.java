package org.wushe.region;

/**
 * One node of the tree with its precomputed counts: direct children, and all descendants at each level below.
 */
public record Region(RegionCode code, String name, RegionLevel level, RegionCode parentCode, int childCount,
		int prefectures, int counties, int townships, int villages) {

	/** Number of descendants at {@code level} (0 for levels at or above this region's own). */
	public int descendantsAt(RegionLevel level) {
		return switch (level) {
			// only the country has provinces below it, and they are its children
			case PROVINCE -> this.level == RegionLevel.COUNTRY ? childCount : 0;
			case PREFECTURE -> prefectures;
			case COUNTY -> counties;
			case TOWNSHIP -> townships;
			case VILLAGE -> villages;
			default -> 0;
		};
	}

}
