package org.wushe.charity.fund;

/** A charitable trust as a form or API body gives it. */
public record TrustInput(String name, String trustee, String amount, String regionCode, String establishedOn,
		String filingNumber, String purpose) {

	static TrustInput of(CharitableTrust t) {
		return new TrustInput(t.name(), t.trustee(), t.amount().toPlainString(), t.regionCode(),
				t.establishedOn() == null ? "" : t.establishedOn().toString(), t.filingNumber(), t.purpose());
	}

	static TrustInput empty(String regionCode) {
		return new TrustInput("", "", "", regionCode, "", "", "");
	}

}
