package org.wushe.access;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.wushe.shared.InvalidInputException;

/**
 * 10 to 128 characters, not all spaces, at least 4 different characters, from at least two kinds (lower-case letters,
 * upper-case letters, digits, anything else) unless 16 characters or longer, not one of the 10,000 most common passwords (also when digits or
 * symbols are added before or after it), and not made from the username (containing it, doubled or reversed).
 * Generated passwords avoid look-alike characters.
 * <p>
 * The common passwords are {@code access/common-passwords.txt}: the top of zxcvbn's password list (MIT License, see
 * the file's header).
 */
final class PasswordPolicy {

	static final int MIN_LENGTH = 10;

	static final int MAX_LENGTH = 128;

	static final int MIN_DISTINCT = 4;

	/** From this length on, one kind of character is enough (a passphrase). */
	static final int PASSPHRASE_LENGTH = 16;

	private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

	private static final SecureRandom RANDOM = new SecureRandom();

	private PasswordPolicy() {
	}

	/** Checks a password someone chose for the account {@code username} (may be null when not known yet). */
	static void check(String field, String password, String username) {
		if (password == null || password.length() < MIN_LENGTH) {
			throw InvalidInputException.of(field, "access.password.too-short", MIN_LENGTH);
		}
		if (password.length() > MAX_LENGTH) {
			throw InvalidInputException.of(field, "access.password.too-long", MAX_LENGTH);
		}
		if (password.isBlank()) {
			throw InvalidInputException.of(field, "access.password.blank");
		}
		if (password.chars().allMatch(Character::isDigit)) {
			throw InvalidInputException.of(field, "access.password.all-digits");
		}
		if (password.codePoints().distinct().count() < MIN_DISTINCT) {
			throw InvalidInputException.of(field, "access.password.low-variety", MIN_DISTINCT);
		}
		if (password.length() < PASSPHRASE_LENGTH
				&& password.codePoints().map(PasswordPolicy::kind).distinct().count() < 2) {
			throw InvalidInputException.of(field, "access.password.one-kind");
		}
		if (isCommon(password)) {
			throw InvalidInputException.of(field, "access.password.common");
		}
		if (fromUsername(password, username)) {
			throw InvalidInputException.of(field, "access.password.like-username");
		}
	}

	private static int kind(int c) {
		return Character.isLowerCase(c) ? 0 : Character.isUpperCase(c) ? 1 : Character.isDigit(c) ? 2 : 3;
	}

	/** Common as it is, or once the digits and symbols around its letters are taken off ({@code 2024iloveyou!}). */
	static boolean isCommon(String password) {
		String lower = password.toLowerCase(Locale.ROOT);
		String core = lower.replaceAll("^[^\\p{L}]+|[^\\p{L}]+$", "");
		return Common.PASSWORDS.contains(lower) || (core.length() >= 4 && Common.PASSWORDS.contains(core));
	}

	/** Contains the username or its reverse (which covers the username doubled), ignoring case. */
	static boolean fromUsername(String password, String username) {
		if (username == null || username.strip().length() < 3) {
			return false;
		}
		String user = username.strip().toLowerCase(Locale.ROOT);
		String lower = password.toLowerCase(Locale.ROOT);
		String reversed = new StringBuilder(user).reverse().toString();
		String core = lower.replaceAll("[^\\p{L}\\p{N}]", "");
		String userCore = user.replaceAll("[^\\p{L}\\p{N}]", "");
		return lower.contains(user) || lower.contains(reversed)
				|| (userCore.length() >= 3 && (core.contains(userCore)
						|| core.contains(new StringBuilder(userCore).reverse())));
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

	/** The common passwords, read once when first needed. */
	private static final class Common {

		static final Set<String> PASSWORDS = read();

		private static Set<String> read() {
			Set<String> passwords = new HashSet<>(16_384);
			try (InputStream in = PasswordPolicy.class.getResourceAsStream("/access/common-passwords.txt")) {
				if (in == null) {
					throw new IllegalStateException("access/common-passwords.txt is missing");
				}
				BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
				for (String line = reader.readLine(); line != null; line = reader.readLine()) {
					if (!line.isBlank() && !line.startsWith("#")) {
						passwords.add(line.strip().toLowerCase(Locale.ROOT));
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return Set.copyOf(passwords);
		}

	}

}
