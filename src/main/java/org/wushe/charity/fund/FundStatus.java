package org.wushe.charity.fund;

import java.util.Locale;

/** 募集中 / 已关闭. */
public enum FundStatus {

	OPEN, CLOSED;

	public String messageKey() {
		return "charity.fund-status." + name().toLowerCase(Locale.ROOT);
	}

}
