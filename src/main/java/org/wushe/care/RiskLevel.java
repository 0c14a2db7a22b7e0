package org.wushe.care;

import java.util.Locale;

/** 风险等级. */
public enum RiskLevel {

	LOW, MEDIUM, HIGH;

	public String messageKey() {
		return "care.risk." + name().toLowerCase(Locale.ROOT);
	}

}
