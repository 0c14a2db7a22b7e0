package org.wushe.access;

import java.security.SecureRandom;

import org.wushe.shared.InvalidInputException;

/**
 * At least 10 characters, not all digits, at most 128. Generated passwords avoid look-alike characters.
 */
final class PasswordPolicy {

	static final int MIN_LENGTH = 10;

	static final int MAX_LENGTH = 128;

	private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

	private static final SecureRandom RANDOM = new SecureRandom();

	private PasswordPolicy() {
	}

	static void check(String field, String password) {
		if (password == null || password.length() < MIN_LENGTH) {
			throw InvalidInputException.of(field, "access.password.too-short", MIN_LENGTH);
		}
		if (password.length() > MAX_LENGTH) {
			throw InvalidInputException.of(field, "access.password.too-long", MAX_LENGTH);
		}
		if (password.chars().allMatch(Character::isDigit)) {
			throw InvalidInputException.of(field, "access.password.all-digits");
		}
	}

	static String generate() {
		StringBuilder sb = new StringBuilder(16);
		for (int i = 0; i < 16; i++) {
			sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		// guarantee a letter and a digit
		sb.setCharAt(RANDOM.nextInt(8), 'k');
		sb.setCharAt(8 + RANDOM.nextInt(8), (char) ('2' + RANDOM.nextInt(8)));
		return sb.toString();
	}

}
