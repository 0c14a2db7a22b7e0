package org.wushe.activity;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.wushe.region.RegionCode;

/**
 * The part of an activity record that the rollups count: where, on which day (its start date), under which campaign,
 * and its figures.
 */
record Contribution(RegionCode region, LocalDate day, long campaignId, long participants, long beneficiaries,
		BigDecimal funds, BigDecimal materials, int domainMask) {
}
