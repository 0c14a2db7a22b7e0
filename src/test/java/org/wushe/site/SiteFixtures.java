package org.wushe.site;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionScope;

/**
 * Test data for sites. Tests share one database (and on PostgreSQL one schema per run), and a region holds only one
 * active site, so tests free the regions they use first: any active site there is closed through the service.
 */
final class SiteFixtures {

	static final RegionScope EVERYWHERE = new RegionScope(RegionCode.COUNTRY);

	private final SiteService sites;

	private final JdbcClient jdbc;

	SiteFixtures(SiteService sites, JdbcClient jdbc) {
		this.sites = sites;
		this.jdbc = jdbc;
	}

	/** Closes the active site on {@code region}, if there is one. */
	void free(String region) {
		jdbc.sql("SELECT id FROM site WHERE active_region = :r")
			.param("r", region)
			.query(Long.class)
			.optional()
			.ifPresent(this::close);
	}

	/** Closes every active site of {@code type} in the subtree of {@code region}. */
	void freeAll(String region, SiteType type) {
		RegionCode code = new RegionCode(region);
		List<Long> ids = jdbc.sql("""
				SELECT id FROM site WHERE active_region IS NOT NULL AND site_type = :type
				  AND region_code >= :from AND region_code < :to
				""")
			.param("type", type.name())
			.param("from", code.subtreeFrom())
			.param("to", code.subtreeTo())
			.query(Long.class)
			.list();
		ids.forEach(this::close);
	}

	void close(long id) {
		Site s = sites.get(id, EVERYWHERE);
		SiteInput in = SiteInput.of(s);
		sites.update(id, new SiteInput(in.type(), in.regionCode(), in.name(), in.address(), in.phone(),
				in.openingHours(), in.serviceContent(), in.serviceItems(), in.staff(), in.serviceProcess(), "CLOSED",
				in.plannedOn(), in.openedOn(), in.suspendedOn(), null, in.latitude(), in.longitude(), null),
				EVERYWHERE);
	}

	/** Creates a site (freeing the region first) and answers it. */
	/** The opaque public id of site {@code id}. */
	String publicId(long id) {
		return sites.get(id, EVERYWHERE).publicId();
	}

	Site create(SiteType type, String region, String name, SiteStatus status) {
		if (status.isActive()) {
			free(region);
		}
		return sites.create(new SiteInput(type.name(), region, name, null, null, null, null, List.of(), List.of(),
				null, status.name(), null, null, null, null, null, null, null), EVERYWHERE);
	}

	static String unique(String prefix) {
		return prefix + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
	}

}
