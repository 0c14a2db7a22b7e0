package org.wushe.campaign;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.wushe.region.RegionCode;

/**
 * Who has reported against one deadline (or the summary deadline), for all reporting units under {@code region}, with
 * counts per status overall and per child region.
 */
public record Completeness(long campaignId, Deadline deadline, RegionCode region, String regionName,
		List<UnitCompleteness> units, List<Group> byChild) {

	/** The counts of one child region (or of the whole board). */
	public record Group(String regionCode, String regionName, Map<UnitStatus, Integer> counts) {

		public int total() {
			return counts.values().stream().mapToInt(Integer::intValue).sum();
		}

		public int count(UnitStatus s) {
			return counts.getOrDefault(s, 0);
		}

		public int submitted() {
			return count(UnitStatus.ON_TIME) + count(UnitStatus.LATE);
		}

		/** Share of units that submitted, in whole percent (rounded down), 0 when there are none. */
		public int percentSubmitted() {
			return total() == 0 ? 0 : submitted() * 100 / total();
		}

		public int percentOnTime() {
			return total() == 0 ? 0 : count(UnitStatus.ON_TIME) * 100 / total();
		}

	}

	public Group overall() {
		Map<UnitStatus, Integer> counts = new EnumMap<>(UnitStatus.class);
		for (UnitStatus s : UnitStatus.values()) {
			counts.put(s, 0);
		}
		units.forEach(u -> counts.merge(u.status(), 1, Integer::sum));
		return new Group(region.value(), regionName, counts);
	}

}
