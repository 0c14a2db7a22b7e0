package org.wushe.charity;

import java.util.Locale;

/** 捐赠类型: 资金 (money) or 物资 (in kind, with a valuation). */
public enum DonationKind {

	MONEY, IN_KIND;

	public String messageKey() {
		return "charity.donation-kind." + name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
