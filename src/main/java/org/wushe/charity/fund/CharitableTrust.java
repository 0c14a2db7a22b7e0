package org.wushe.charity.fund;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A charitable trust (慈善信托): name, trustee, amount, and where and when it was filed. {@code version} counts its
 * edits; a change must name the version it was made from.
 */
public record CharitableTrust(long id, String name, String trustee, BigDecimal amount, String regionCode,
		String regionName, LocalDate establishedOn, String filingNumber, String purpose, int version) {
}
