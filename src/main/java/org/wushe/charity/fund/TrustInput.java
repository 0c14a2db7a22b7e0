package org.wushe.charity.fund;

/** A charitable trust as a form or API body gives it. */
public record TrustInput(String name, String trustee, String amount, String regionCode, String establishedOn,
		String filingNumber, String purpose) {

	static TrustInput empty(String regionCode) {
		return new TrustInput("", "", "", regionCode, "", "", "");
	}

}
