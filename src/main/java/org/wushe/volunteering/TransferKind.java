package org.wushe.volunteering;

import java.util.Locale;

/** Why hours move between two time-bank accounts. */
public enum TransferKind {

	/** 存入: confirmed hours of a time-bank project, from the clearing account to the volunteer's. */
	DEPOSIT,
	/** 捐赠: from a personal or group account to a pool (or from a person to a group). */
	DONATION,
	/** 赠与: from a volunteer to a registered relative. */
	GIFT,
	/** 发放: from a pool to a key elder. */
	GRANT,
	/** 兑换: hours spent on service, back to the clearing account. */
	REDEMPTION,
	/** 冲正: undoes an earlier transfer or deposit. */
	REVERSAL;

	public String messageKey() {
		return "volunteering.transfer-kind." + name().toLowerCase(Locale.ROOT);
	}

}
