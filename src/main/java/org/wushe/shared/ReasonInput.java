package org.wushe.shared;

/**
 * The rule for a reason or comment typed with a decision (a return, a decline, a revocation): the text is stripped,
 * blank means none, and a missing required reason or one longer than {@code max} characters is a 400 naming
 * {@code field}, with the module's message keys.
 *
 * @param field the request field the errors name
 * @param max the most characters allowed
 * @param requiredKey the message key for a missing required reason (no arguments)
 * @param tooLongKey the message key for a reason that is too long (argument: {@code max})
 */
public record ReasonInput(String field, int max, String requiredKey, String tooLongKey) {

	/** The stripped reason, or {@code null} when blank; 400 when it is too long. */
	public String optional(String text) {
		String s = text == null ? "" : text.strip();
		if (s.isEmpty()) {
			return null;
		}
		if (s.length() > max) {
			throw InvalidInputException.of(field, tooLongKey, max);
		}
		return s;
	}

	/** The stripped reason; 400 when it is blank or too long. */
	public String required(String text) {
		String s = optional(text);
		if (s == null) {
			throw InvalidInputException.of(field, requiredKey);
		}
		return s;
	}

	/** {@link #required} or {@link #optional}, as {@code required} says. */
	public String read(String text, boolean required) {
		return required ? required(text) : optional(text);
	}

}
