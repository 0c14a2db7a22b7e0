package org.wushe.activity;

/** Activities serving one domain, and their beneficiaries (an activity serving two domains counts in both). */
public record DomainTotals(long activities, long beneficiaries) {
}
