package org.wushe.shared;

import org.springframework.http.HttpStatus;

/**
 * A failure the user can understand and act on. It carries a message-bundle key and its arguments; the web layer
 * turns it into a localized page message or a {@code ProblemDetail}. Bad input (400) is always an
 * {@link InvalidInputException}, which names the field; there is no 400 without one.
 */
public class BusinessException extends RuntimeException {

	private final HttpStatus status;

	private final String messageKey;

	private final transient Object[] args;

	public BusinessException(HttpStatus status, String messageKey, Object... args) {
		super(messageKey);
		this.status = status;
		this.messageKey = messageKey;
		this.args = args;
	}

	public static BusinessException notFound(String messageKey, Object... args) {
		return new BusinessException(HttpStatus.NOT_FOUND, messageKey, args);
	}

	public static BusinessException forbidden(String messageKey, Object... args) {
		return new BusinessException(HttpStatus.FORBIDDEN, messageKey, args);
	}

	public static BusinessException conflict(String messageKey, Object... args) {
		return new BusinessException(HttpStatus.CONFLICT, messageKey, args);
	}

	public HttpStatus status() {
		return status;
	}

	public String messageKey() {
		return messageKey;
	}

	public Object[] args() {
		return args.clone();
	}

}
