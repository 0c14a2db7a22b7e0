package org.wushe.shared;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * Input that fails validation, with one entry per offending field. Nothing has been stored when this is thrown.
 */
public class InvalidInputException extends BusinessException {

	private final transient List<FieldError> errors;

	public InvalidInputException(List<FieldError> errors) {
		super(HttpStatus.BAD_REQUEST, "error.invalid-input");
		this.errors = List.copyOf(errors);
	}

	public static InvalidInputException of(String field, String messageKey, Object... args) {
		return new InvalidInputException(List.of(new FieldError(field, messageKey, args)));
	}

	/** The offending fields and their message keys, for logs and test failures (never shown to users). */
	@Override
	public String getMessage() {
		StringBuilder sb = new StringBuilder(super.getMessage());
		for (FieldError e : errors) {
			sb.append(' ').append(e.field()).append('=').append(e.messageKey());
		}
		return sb.toString();
	}

	public List<FieldError> errors() {
		return errors;
	}

}
