package org.wushe.charity.fund;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A fund as a form or API body gives it (ratio like {@code 0.5}, cap in yuan). {@code version} is the version the
 * change was made from, as the fund was read; it is required to change a fund and ignored when creating one.
 */
public record FundInput(String name, String regionCode, String purpose, String manager, String matchingRatio,
		String matchingCap, String status, @Schema(types = "integer", format = "int32", example = "0",
				description = FundInput.VERSION) String version) {

	static final String VERSION = """
			The version of the record as it was read (the "version" of GET). Required to change it (PUT): if someone \
			else has changed it since, nothing is changed and the answer is 409. Ignored on create.""";

	static FundInput of(Fund f) {
		return new FundInput(f.name(), f.regionCode(), f.purpose(), f.manager(), f.matchingRatio().toPlainString(),
				f.matchingCap().toPlainString(), f.status().name(), String.valueOf(f.version()));
	}

	static FundInput empty(String regionCode) {
		return new FundInput("", regionCode, "", "", "0", "0", "OPEN", null);
	}

}
