package org.wushe.access;

import java.util.Set;

/**
 * Permission strings checked on every action ({@code @PreAuthorize("hasAuthority('…')")}) and used by pages to show
 * only allowed buttons ({@code currentUser.can('…')}). One {@code :view} per module for reading, and verbs for
 * writing.
 */
public final class Permissions {

	public static final String REGION_VIEW = "region:view";

	public static final String REGION_ADMIN = "region:admin";

	public static final String ACCOUNT_VIEW = "account:view";

	public static final String ACCOUNT_MANAGE = "account:manage";

	public static final String AUDIT_VIEW = "audit:view";

	/** See full ID numbers and phone numbers; every such read is audited. */
	public static final String PERSONAL_DATA_VIEW = "personal-data:view";

	public static final String SITE_VIEW = "site:view";

	public static final String SITE_MANAGE = "site:manage";

	/** Organizations, social workers, volunteers and communities. */
	public static final String ACTOR_VIEW = "actor:view";

	public static final String ACTOR_MANAGE = "actor:manage";

	public static final String CHARITY_VIEW = "charity:view";

	public static final String CHARITY_MANAGE = "charity:manage";

	public static final String CAMPAIGN_VIEW = "campaign:view";

	public static final String CAMPAIGN_MANAGE = "campaign:manage";

	public static final String ACTIVITY_VIEW = "activity:view";

	public static final String ACTIVITY_RECORD = "activity:record";

	/** Submit a progress report or a summary for one's own unit. */
	public static final String REPORT_SUBMIT = "report:submit";

	/** Return or accept reports from the level below. */
	public static final String REPORT_REVIEW = "report:review";

	public static final String ARTICLE_SUBMIT = "article:submit";

	public static final String ARTICLE_REVIEW = "article:review";

	public static final String ARTICLE_PUBLISH = "article:publish";

	public static final String STATS_VIEW = "stats:view";

	/** Read the operations metrics ({@code /actuator/prometheus}). */
	public static final String METRICS_VIEW = "metrics:view";

	/** People served, their visits and cases (figures and masked files). */
	public static final String CARE_VIEW = "care:view";

	/** Register people served, record visits, open and work cases. */
	public static final String CARE_RECORD = "care:record";

	/** 督导: approve or return a case's plan and closure. */
	public static final String CARE_SUPERVISE = "care:supervise";

	/** Read case notes from above the county level, where otherwise only figures are shown. */
	public static final String CARE_NOTES = "care:notes";

	/** Add person categories and set the visit frequencies of a province or county. */
	public static final String CARE_ADMIN = "care:admin";

	/** Volunteer teams, service projects, recorded hours, certificates and time-bank accounts. */
	public static final String VOLUNTEERING_VIEW = "volunteering:view";

	/** Record hours, open projects, issue certificates, move time-bank hours. */
	public static final String VOLUNTEERING_MANAGE = "volunteering:manage";

	/** Run the time bank's reconciliation. */
	public static final String TIMEBANK_RECONCILE = "timebank:reconcile";

	/** Everything that only reads. */
	static final Set<String> READ = Set.of(REGION_VIEW, SITE_VIEW, ACTOR_VIEW, CHARITY_VIEW, CAMPAIGN_VIEW,
			ACTIVITY_VIEW, STATS_VIEW, CARE_VIEW, VOLUNTEERING_VIEW);

	private Permissions() {
	}

}
