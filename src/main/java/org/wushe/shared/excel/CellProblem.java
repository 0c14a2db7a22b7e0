package org.wushe.shared.excel;

/**
 * Why one cell could not be read: a message key and its arguments. Thrown by {@link CellParser}s; cheap (no stack
 * trace), since a bad file may hold thousands of them.
 */
public class CellProblem extends Exception {

	private final String messageKey;

	private final transient Object[] args;

	public CellProblem(String messageKey, Object... args) {
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
