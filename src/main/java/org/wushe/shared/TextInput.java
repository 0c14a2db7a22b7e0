package org.wushe.shared;

import java.util.List;

/**
 * The rule for a text typed into a form or an API body, in one module's message keys: the text is stripped, blank
 * means none, a missing required text or one longer than {@code max} characters adds an error naming the field.
 *
 * @param requiredKey the message key for a missing required text (no arguments)
 * @param tooLongKey the message key for a text that is too long (argument: the limit)
 */
public record TextInput(String requiredKey, String tooLongKey) {

	/**
	 * The stripped text, or {@code null} when blank; adds an error for {@code field} to {@code errors} when it is
	 * missing but {@code required}, or longer than {@code max} (the text is still answered then).
	 */
	public String read(String value, String field, int max, boolean required, List<FieldError> errors) {
		String s = value == null ? "" : value.strip();
		if (s.isEmpty()) {
			if (required) {
				errors.add(new FieldError(field, requiredKey));
			}
			return null;
		}
		if (s.length() > max) {
			errors.add(new FieldError(field, tooLongKey, max));
		}
		return s;
	}

}
