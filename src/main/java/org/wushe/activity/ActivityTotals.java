package org.wushe.activity;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** Figures of activity records: how many, participants, beneficiaries, linked funds and in-kind value, per domain. */
public record ActivityTotals(long activities, long participants, long beneficiaries, BigDecimal fundsYuan,
		BigDecimal materialsYuan, Map<ServiceDomain, DomainTotals> byDomain) {

	public static final ActivityTotals NONE = new ActivityTotals(0, 0, 0, new BigDecimal("0.00"),
			new BigDecimal("0.00"), emptyDomains());

	public ActivityTotals {
		byDomain = Collections.unmodifiableMap(new EnumMap<>(byDomain));
	}

	public ActivityTotals plus(ActivityTotals o) {
		Map<ServiceDomain, DomainTotals> domains = new EnumMap<>(ServiceDomain.class);
		for (ServiceDomain d : ServiceDomain.values()) {
			DomainTotals a = byDomain.get(d);
			DomainTotals b = o.byDomain.get(d);
			domains.put(d, new DomainTotals(a.activities() + b.activities(), a.beneficiaries() + b.beneficiaries()));
		}
		return new ActivityTotals(activities + o.activities, participants + o.participants,
				beneficiaries + o.beneficiaries, fundsYuan.add(o.fundsYuan), materialsYuan.add(o.materialsYuan),
				domains);
	}

	private static Map<ServiceDomain, DomainTotals> emptyDomains() {
		Map<ServiceDomain, DomainTotals> m = new EnumMap<>(ServiceDomain.class);
		for (ServiceDomain d : ServiceDomain.values()) {
			m.put(d, new DomainTotals(0, 0));
		}
		return m;
	}

}
