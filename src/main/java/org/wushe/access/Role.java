package org.wushe.access;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.wushe.region.RegionLevel;

/**
 * The seven roles. Staff roles must sit on a region of their own level; a creator may only hand out a role whose
 * permissions are a subset of their own and whose rank is not above their own.
 */
public enum Role {

	/** 系统管理员: everything, everywhere in its subtree. */
	ADMIN(0, null, all()),

	/**
	 * 民政工作人员: manage, review and record within their subtree; a province's staff also set its care categories
	 * and visit frequencies.
	 */
	PROVINCE_STAFF(1, RegionLevel.PROVINCE, provinceStaff()),

	CITY_STAFF(2, RegionLevel.PREFECTURE, staff()),

	COUNTY_STAFF(3, RegionLevel.COUNTY, staff()),

	TOWNSHIP_STAFF(4, RegionLevel.TOWNSHIP, staff()),

	/** 驻站社工: records activities, registers volunteers, writes articles. */
	STATION_WORKER(5, null, worker()),

	/** 领导: reads everything in scope, changes nothing. */
	LEADER(5, null, Permissions.READ);

	private final int rank;

	private final RegionLevel requiredLevel;

	private final Set<String> permissions;

	Role(int rank, RegionLevel requiredLevel, Set<String> permissions) {
		this.rank = rank;
		this.requiredLevel = requiredLevel;
		this.permissions = permissions;
	}

	private static Set<String> staff() {
		Set<String> p = new HashSet<>(Permissions.READ);
		p.addAll(Set.of(Permissions.ACCOUNT_VIEW, Permissions.ACCOUNT_MANAGE, Permissions.AUDIT_VIEW,
				Permissions.PERSONAL_DATA_VIEW, Permissions.SITE_MANAGE, Permissions.ACTOR_MANAGE,
				Permissions.CHARITY_MANAGE, Permissions.CAMPAIGN_MANAGE, Permissions.ACTIVITY_RECORD,
				Permissions.REPORT_SUBMIT, Permissions.REPORT_REVIEW, Permissions.ARTICLE_SUBMIT,
				Permissions.ARTICLE_REVIEW, Permissions.ARTICLE_PUBLISH, Permissions.CARE_RECORD,
				Permissions.CARE_SUPERVISE, Permissions.VOLUNTEERING_MANAGE, Permissions.TIMEBANK_RECONCILE));
		return Set.copyOf(p);
	}

	private static Set<String> provinceStaff() {
		Set<String> p = new HashSet<>(staff());
		p.add(Permissions.CARE_ADMIN);
		return Set.copyOf(p);
	}

	private static Set<String> worker() {
		Set<String> p = new HashSet<>(Permissions.READ);
		p.remove(Permissions.STATS_VIEW);
		p.addAll(Set.of(Permissions.ACTOR_MANAGE, Permissions.ACTIVITY_RECORD, Permissions.ARTICLE_SUBMIT,
				Permissions.CARE_RECORD, Permissions.VOLUNTEERING_MANAGE));
		return Set.copyOf(p);
	}

	private static Set<String> all() {
		Set<String> p = new HashSet<>(staff());
		p.add(Permissions.REGION_ADMIN);
		p.add(Permissions.METRICS_VIEW);
		p.add(Permissions.CARE_NOTES);
		p.add(Permissions.CARE_ADMIN);
		return Set.copyOf(p);
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
