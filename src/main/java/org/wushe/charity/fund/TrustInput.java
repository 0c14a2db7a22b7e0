package org.wushe.charity.fund;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A charitable trust as a form or API body gives it. {@code version} is the version the change was made from, as the
 * trust was read; it is required to change a trust and ignored when recording one.
 */
public record TrustInput(String name, String trustee, String amount, String regionCode, String establishedOn,
		String filingNumber, String purpose,
		@Schema(types = "integer", format = "int32", example = "0", description = FundInput.VERSION) String version) {

	static TrustInput of(CharitableTrust t) {
		return new TrustInput(t.name(), t.trustee(), t.amount().toPlainString(), t.regionCode(),
				t.establishedOn() == null ? "" : t.establishedOn().toString(), t.filingNumber(), t.purpose(),
				String.valueOf(t.version()));
	}

	static TrustInput empty(String regionCode) {
		return new TrustInput("", "", "", regionCode, "", "", "", null);
	}

}
