package org.wushe.support;

import java.util.List;

import org.wushe.region.RegionCode;
import org.wushe.region.RegionScope;
import org.wushe.site.SiteInput;
import org.wushe.site.SiteService;
import org.wushe.site.StaffMember;

/** Sites for tests of other modules: closed ones, which any number of tests may create in the same region. */
public final class TestSites {

	private TestSites() {
	}

	/** A closed township station on {@code region}, with the given staff; answers its id. */
	public static long closedStation(SiteService sites, String region, List<StaffMember> staff) {
		return sites.create(new SiteInput("STATION", region, "测试站" + System.nanoTime() % 1_000_000, null, null, null,
				null, List.of(), staff, null, "CLOSED", null, null, null, null, null, null, null),
				new RegionScope(new RegionCode(region.substring(0, 6)))).id();
	}

}
