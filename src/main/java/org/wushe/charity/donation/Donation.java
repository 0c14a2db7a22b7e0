package org.wushe.charity.donation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.wushe.charity.DonationKind;
import org.wushe.charity.DonorKind;

/**
 * A donation of money ({@code amount}) or in kind (description, quantity, valuation with its basis and valuer);
 * {@code totalValue} is the amount or the valuation, {@code matchedAmount} what its fund added.
 */
public record Donation(long id, long donorId, String donorName, DonorKind donorKind, String regionCode,
		String regionName, DonationKind kind, BigDecimal amount, String itemDescription, BigDecimal quantity,
		String unit, BigDecimal valuation, String valuationBasis, String valuedBy, BigDecimal totalValue, Long siteId,
		Long fundId, String fundName, BigDecimal matchedAmount, LocalDate receivedOn, String note, Instant createdAt,
		String createdBy) {
}
