package org.wushe.campaign;

/**
 * The level above returned a unit's progress report, with a reason; published in the transaction of the return.
 *
 * @param unitCode the reporting unit whose report it is
 */
public record ReportReturned(long campaignId, String campaignName, int deadlineNumber, String unitCode,
		String reason) {
}
