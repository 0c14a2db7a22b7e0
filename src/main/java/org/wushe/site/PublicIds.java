package org.wushe.site;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * Opaque public ids of sites: 24 characters of lowercase base32 from 120 random bits. The public page and the
 * placard's QR code carry this id, never the sequential one, so the public sites cannot be found by counting.
 */
final class PublicIds {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

	private static final int BYTES = 15;

	private static final Pattern FORM = Pattern.compile("[a-z2-7]{24}");

	private PublicIds() {
	}

	/** A fresh random public id. */
	static String next() {
		byte[] bytes = new byte[BYTES];
		RANDOM.nextBytes(bytes);
		StringBuilder id = new StringBuilder(BYTES * 8 / 5);
		int buffer = 0;
		int bits = 0;
		for (byte b : bytes) {
			buffer = (buffer << 8) | (b & 0xff);
			bits += 8;
			while (bits >= 5) {
				bits -= 5;
				id.append(ALPHABET[(buffer >> bits) & 31]);
			}
		}
		return id.toString();
	}

	/** Whether {@code text} has the form of a public id (a sequential number never has). */
	static boolean isWellFormed(String text) {
		return text != null && FORM.matcher(text).matches();
	}

}
