package org.wushe.volunteering;

import java.util.Locale;

/** The kinds of time-bank account. */
public enum AccountKind {

	/** 个人账户: a volunteer's own hours. */
	PERSONAL,
	/** 团体账户: a team's hours, for donation only. */
	GROUP,
	/** 公益池: a region's public fund, which grants time to key elders; may go below zero within its limit. */
	POOL,
	/** 重点老人账户: a key elder's service account. */
	ELDER,
	/** 清算账户: where deposited hours come from and redeemed hours go; one per deployment. */
	CLEARING;

	public String messageKey() {
		return "volunteering.account-kind." + name().toLowerCase(Locale.ROOT);
	}

}
