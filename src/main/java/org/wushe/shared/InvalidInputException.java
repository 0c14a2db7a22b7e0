package org.wushe.shared;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * Input that fails validation, with one entry per offending field. Nothing has been stored when this is thrown.
 * Each field is named to the user by the message {@code <labels>.<field>}: {@code field.<field>} unless the thrower
 * names the labels of its own form (see {@link Texts#field(FieldError, String)}).
 */
public class InvalidInputException extends BusinessException {

	/** The labels every module shares: {@code field.<field>}. */
	public static final String FIELD_LABELS = "field";

	private final transient List<FieldError> errors;

	private final String labels;

	public InvalidInputException(List<FieldError> errors) {
		this(FIELD_LABELS, errors);
	}

	/** Errors whose fields are labelled {@code <labels>.<field>} (falling back to {@code field.<field>}). */
	public InvalidInputException(String labels, List<FieldError> errors) {
		super(HttpStatus.BAD_REQUEST, "error.invalid-input");
		this.errors = List.copyOf(errors);
		this.labels = labels;
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

	/** The message key prefix of the fields' labels. */
	public String labels() {
		return labels;
	}

}
