package org.wushe.region;

/**
 * The five NBS levels plus the synthetic country root. The ordinal is the level number (0–5) and the code length
 * grows with it.
 */
public enum RegionLevel {

	COUNTRY(2), PROVINCE(2), PREFECTURE(4), COUNTY(6), TOWNSHIP(9), VILLAGE(12);

	private final int codeLength;

	RegionLevel(int codeLength) {
		this.codeLength = codeLength;
	}

	public int number() {
		return ordinal();
	}

	public int codeLength() {
		return codeLength;
	}

	public static RegionLevel ofNumber(int number) {
		if (number < 0 || number > 5) {
			throw new IllegalArgumentException("level " + number);
		}
		return values()[number];
	}

	/** The message-bundle key of this level's name. */
	public String messageKey() {
		return "region.level." + name().toLowerCase(java.util.Locale.ROOT);
	}

	public boolean isBelow(RegionLevel other) {
		return ordinal() > other.ordinal();
	}

}
