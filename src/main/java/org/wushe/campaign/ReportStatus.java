package org.wushe.campaign;

import java.util.Locale;

/** Where a unit's progress report stands: draft → submitted → (returned → resubmitted)*. */
public enum ReportStatus {

	/** Nothing submitted yet; the rows shown are live. */
	DRAFT,
	/** The first version is submitted. */
	SUBMITTED,
	/** The level above sent the current version back with a reason. */
	RETURNED,
	/** A later version replaced an earlier one (after a return, or as a correction). */
	RESUBMITTED;

	public String messageKey() {
		return "campaign.report.status." + name().toLowerCase(Locale.ROOT);
	}

	public boolean isSubmitted() {
		return this == SUBMITTED || this == RESUBMITTED;
	}

}
