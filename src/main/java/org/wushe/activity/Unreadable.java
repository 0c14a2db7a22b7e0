package org.wushe.activity;

/**
 * A value as people write it (in a form or a workbook cell) that cannot be read. It carries a message key and its
 * arguments; the caller adds the field, or the row and column.
 */
public class Unreadable extends RuntimeException {

	private final String messageKey;

	private final transient Object[] args;

	public Unreadable(String messageKey, Object... args) {
		super(messageKey, null, false, false);
		this.messageKey = messageKey;
		this.args = args;
	}

	public String messageKey() {
		return messageKey;
	}

	public Object[] args() {
		return args.clone();
	}

}
