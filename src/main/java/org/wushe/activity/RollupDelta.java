package org.wushe.activity;

import java.math.BigDecimal;

/** The change to one summary row, accumulated over the contributions a transaction adds and removes. */
final class RollupDelta {

	long activities;

	long participants;

	long beneficiaries;

	BigDecimal funds = BigDecimal.ZERO;

	BigDecimal materials = BigDecimal.ZERO;

	final long[] domainActivities = new long[ServiceDomain.values().length];

	final long[] domainBeneficiaries = new long[ServiceDomain.values().length];

	void add(Contribution c, int sign) {
		activities += sign;
		participants += sign * c.participants();
		beneficiaries += sign * c.beneficiaries();
		funds = sign > 0 ? funds.add(c.funds()) : funds.subtract(c.funds());
		materials = sign > 0 ? materials.add(c.materials()) : materials.subtract(c.materials());
		for (ServiceDomain d : ServiceDomain.values()) {
			if ((c.domainMask() & d.bit()) != 0) {
				domainActivities[d.ordinal()] += sign;
				domainBeneficiaries[d.ordinal()] += sign * c.beneficiaries();
			}
		}
	}

	boolean isZero() {
		if (activities != 0 || participants != 0 || beneficiaries != 0 || funds.signum() != 0
				|| materials.signum() != 0) {
			return false;
		}
		for (int i = 0; i < domainActivities.length; i++) {
			if (domainActivities[i] != 0 || domainBeneficiaries[i] != 0) {
				return false;
			}
		}
		return true;
	}

}
