package org.wushe.charity.fund;

import java.math.BigDecimal;

/**
 * A charity fund (慈善基金) with its matching rule: each donation to it is matched at {@code matchingRatio} (0.5 = half
 * the donation) until {@code matchingCap} is used up. {@code received} is the value of all donations to it.
 * {@code version} counts its edits; a change must name the version it was made from.
 */
public record Fund(long id, String name, String regionCode, String regionName, String purpose, String manager,
		BigDecimal matchingRatio, BigDecimal matchingCap, BigDecimal matchedTotal, BigDecimal received,
		FundStatus status, int version) {
}
