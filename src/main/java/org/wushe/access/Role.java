package org.wushe.access;

import java.util.Locale;
import java.util.Set;

import org.wushe.region.RegionLevel;

/**
 * The seven roles. Staff roles must sit on a region of their own level; a creator may only hand out a role whose
 * permissions are a subset of their own and whose rank is not above their own.
 */
public enum Role {

	ADMIN(0, null, Set.of(Permissions.REGION_VIEW, Permissions.REGION_ADMIN, Permissions.ACCOUNT_VIEW,
			Permissions.ACCOUNT_MANAGE, Permissions.AUDIT_VIEW, Permissions.PERSONAL_DATA_VIEW)),

	PROVINCE_STAFF(1, RegionLevel.PROVINCE, staff()),

	CITY_STAFF(2, RegionLevel.PREFECTURE, staff()),

	COUNTY_STAFF(3, RegionLevel.COUNTY, staff()),

	TOWNSHIP_STAFF(4, RegionLevel.TOWNSHIP, staff()),

	STATION_WORKER(5, null, Set.of(Permissions.REGION_VIEW)),

	LEADER(5, null, Set.of(Permissions.REGION_VIEW));

	private final int rank;

	private final RegionLevel requiredLevel;

	private final Set<String> permissions;

	Role(int rank, RegionLevel requiredLevel, Set<String> permissions) {
		this.rank = rank;
		this.requiredLevel = requiredLevel;
		this.permissions = permissions;
	}

	private static Set<String> staff() {
		return Set.of(Permissions.REGION_VIEW, Permissions.ACCOUNT_VIEW, Permissions.ACCOUNT_MANAGE,
				Permissions.AUDIT_VIEW);
	}

	public Set<String> permissions() {
		return permissions;
	}

	public boolean can(String permission) {
		return permissions.contains(permission);
	}

	/** The level a staff role must sit on, or {@code null} when any level will do. */
	public RegionLevel requiredLevel() {
		return requiredLevel;
	}

	/** Whether a holder of this role may create an account with {@code other}. */
	public boolean mayGrant(Role other) {
		return can(Permissions.ACCOUNT_MANAGE) && permissions.containsAll(other.permissions) && other.rank >= rank;
	}

	/** Whether this role may sit on a region of {@code level}. */
	public boolean fits(RegionLevel level) {
		if (requiredLevel != null) {
			return requiredLevel == level;
		}
		if (this == STATION_WORKER) {
			return level.number() >= RegionLevel.COUNTY.number();
		}
		return true;
	}

	public String messageKey() {
		return "access.role." + name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
