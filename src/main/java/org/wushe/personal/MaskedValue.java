package org.wushe.personal;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * A checked personal value (an ID number, a phone number) in its normalised form: two are equal when they are of the
 * same kind and value, and the text of one is its masked form, so that a log line or a page never shows it whole.
 */
@RequiredArgsConstructor(access = AccessLevel.PROTECTED)
public abstract class MaskedValue {

	private final String value;

	/** The normalised value. */
	public String value() {
		return value;
	}

	/** The value as it may be shown to anyone. */
	public abstract String masked();

	@Override
	public boolean equals(Object o) {
		return o != null && o.getClass() == getClass() && ((MaskedValue) o).value.equals(value);
	}

	@Override
	public int hashCode() {
		return value.hashCode();
	}

	@Override
	public String toString() {
		return masked();
	}

}
