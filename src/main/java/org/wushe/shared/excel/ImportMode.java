package org.wushe.shared.excel;

import java.util.Locale;

/** What happens when some rows are wrong. */
public enum ImportMode {

	/** 全部导入或全部不导入: if any row is wrong, nothing is stored. */
	ALL,

	/** 只导入正确的行: wrong rows are skipped and reported, the others stored. */
	VALID;

	public String messageKey() {
		return "excel.mode." + name().toLowerCase(Locale.ROOT);
	}

	/** Reads a mode from a form or API parameter; anything unknown means {@link #ALL}, the safe choice. */
	public static ImportMode parse(String text) {
		return text != null && text.strip().equalsIgnoreCase("VALID") ? VALID : ALL;
	}

}
