package org.wushe.actor;

import java.util.concurrent.atomic.AtomicLong;

import org.wushe.personal.CreditCode;
import org.wushe.personal.IdNumber;

/**
 * Unique, checksum-valid ID numbers, credit codes and phones for integration tests sharing one database.
 */
public final class ActorTestData {

	private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000);

	private ActorTestData() {
	}

	/** A valid ID number on {@code region6} with a unique birth date and sequence. */
	public static String idNumber(String region6) {
		long n = SEQUENCE.incrementAndGet();
		int day = (int) (n % 28) + 1;
		int month = (int) (n / 28 % 12) + 1;
		int year = 1950 + (int) (n / 336 % 50);
		String seq = String.format("%03d", n / 16800 % 1000);
		String first17 = region6 + String.format("%04d%02d%02d", year, month, day) + seq;
		return first17 + IdNumber.checkChar(first17);
	}

	/** A valid mobile number, unique per call. */
	public static String mobile() {
		return "139" + String.format("%08d", SEQUENCE.incrementAndGet() % 100_000_000);
	}

	/** A valid credit code of a 民政-registered organization on {@code region6}, unique per call. */
	public static String creditCode(String region6) {
		long n = SEQUENCE.incrementAndGet();
		String body = "5" + String.format("%07d", n % 10_000_000);
		String first17 = "52" + region6 + body + CreditCode.organizationCheckChar(body);
		return first17 + CreditCode.checkChar(first17);
	}

	/** A code that fails only its final check character. */
	public static String creditCodeFailingCheckDigit(String region6) {
		String good = creditCode(region6);
		char wrong = good.charAt(17) == '0' ? '1' : '0';
		return good.substring(0, 17) + wrong;
	}

}
