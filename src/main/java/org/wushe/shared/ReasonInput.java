package org.wushe.shared;

import java.util.ArrayList;
import java.util.List;

/**
 * The rule for a reason or comment typed with a decision (a return, a decline, a revocation): as {@link TextInput},
 * but on its own, so a missing required reason or one longer than {@code max} characters is thrown at once as a 400
 * naming {@code field}, with the module's message keys.
 *
 * @param field the request field the errors name
 * @param max the most characters allowed
 * @param requiredKey the message key for a missing required reason (no arguments)
 * @param tooLongKey the message key for a reason that is too long (argument: {@code max})
 */
public record ReasonInput(String field, int max, String requiredKey, String tooLongKey) {

	/** The stripped reason, or {@code null} when blank; 400 when it is too long. */
	public String optional(String text) {
		return read(text, false);
	}

	/** The stripped reason; 400 when it is blank or too long. */
	public String required(String text) {
		return read(text, true);
	}

	/** {@link #required} or {@link #optional}, as {@code required} says. */
	public String read(String text, boolean required) {
		List<FieldError> errors = new ArrayList<>();
		String s = new TextInput(requiredKey, tooLongKey).read(text, field, max, required, errors);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return s;
	}

}
