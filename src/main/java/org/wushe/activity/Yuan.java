package org.wushe.activity;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.wushe.shared.Money;

/**
 * An amount of money in yuan with two decimals, never negative here (linked funds, in-kind value). {@link #parse}
 * reads amounts as people write them, through the one shared reader {@link Money}: full-width digits, thousands
 * separators, a currency sign, a trailing 元 and the 万 multiplier ({@code "1.5万元"} = 15000.00).
 */
public record Yuan(BigDecimal amount) implements Comparable<Yuan> {

	public static final Yuan ZERO = new Yuan(BigDecimal.ZERO);

	/** The largest amount DECIMAL(14,2) holds. */
	public static final BigDecimal MAX = Money.MAX_YUAN;

	public Yuan {
		if (amount == null) {
			throw new IllegalArgumentException("amount");
		}
		amount = amount.setScale(2, RoundingMode.UNNECESSARY);
	}

	public static Yuan of(String plain) {
		return new Yuan(new BigDecimal(plain));
	}

	/**
	 * Reads an amount; blank text is zero.
	 *
	 * @throws Unreadable with {@code activity.value.money-*} keys for anything else that is not a non-negative amount
	 * with at most two decimals within DECIMAL(14,2)
	 */
	public static Yuan parse(String text) {
		try {
			BigDecimal value = Money.parse(text);
			return value == null ? ZERO : new Yuan(value);
		}
		catch (Money.Refused ex) {
			throw unreadable(ex, text.strip());
		}
	}

	/** Reads a number that a spreadsheet stored as a number. */
	public static Yuan of(BigDecimal number) {
		try {
			return new Yuan(Money.ofNumber(number));
		}
		catch (Money.Refused ex) {
			throw unreadable(ex, number.toPlainString());
		}
	}

	private static Unreadable unreadable(Money.Refused refused, String original) {
		String key = switch (refused.problem()) {
			case FORMAT -> "activity.value.money-format";
			case NEGATIVE -> "activity.value.money-negative";
			case DECIMALS -> "activity.value.money-decimals";
			case TOO_LARGE -> "activity.value.money-too-large";
		};
		return new Unreadable(key, original);
	}

	public Yuan plus(Yuan other) {
		return new Yuan(amount.add(other.amount));
	}

	public boolean isZero() {
		return amount.signum() == 0;
	}

	@Override
	public int compareTo(Yuan o) {
		return amount.compareTo(o.amount);
	}

	@Override
	public String toString() {
		return amount.toPlainString();
	}

}
