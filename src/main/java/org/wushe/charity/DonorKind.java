package org.wushe.charity;

import java.util.Locale;

/** 捐赠人类型: 个人, 企业, 基金会. */
public enum DonorKind {

	PERSON, COMPANY, FOUNDATION;

	public String messageKey() {
		return "charity.donor-kind." + name().toLowerCase(Locale.ROOT);
	}

}
