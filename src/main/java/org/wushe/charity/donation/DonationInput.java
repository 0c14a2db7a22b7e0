package org.wushe.charity.donation;

/**
 * A donation as a form or API body gives it. The donor is an existing one ({@code donorId}) or a new one
 * ({@code donorKind}, {@code donorName}, optional {@code donorPhone}, {@code donorCreditCode}). The receiver is a site
 * ({@code siteId}), a fund ({@code fundId}) or neither, never both.
 */
public record DonationInput(String donorId, String donorKind, String donorName, String donorPhone,
		String donorCreditCode, String regionCode, String kind, String amount, String itemDescription, String quantity,
		String unit, String valuation, String valuationBasis, String valuedBy, String siteId, String fundId,
		String receivedOn, String note) {

	static DonationInput empty(String regionCode, String today) {
		return new DonationInput("", "PERSON", "", "", "", regionCode, "MONEY", "", "", "", "", "", "", "", "", "",
				today, "");
	}

}
