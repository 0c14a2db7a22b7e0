package org.wushe.charity.fund;

/** A fund as a form or API body gives it (ratio like {@code 0.5}, cap in yuan). */
public record FundInput(String name, String regionCode, String purpose, String manager, String matchingRatio,
		String matchingCap, String status) {

	static FundInput of(Fund f) {
		return new FundInput(f.name(), f.regionCode(), f.purpose(), f.manager(), f.matchingRatio().toPlainString(),
				f.matchingCap().toPlainString(), f.status().name());
	}

	static FundInput empty(String regionCode) {
		return new FundInput("", regionCode, "", "", "0", "0", "OPEN");
	}

}
