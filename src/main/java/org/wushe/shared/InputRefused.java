package org.wushe.shared;

/**
 * Input that a reader of typed or uploaded values refuses ({@link Money}, {@link org.wushe.shared.excel.XlsxGate}),
 * with the reason as a constant of the reader's own {@code Problem}. Callers turn the reason into their own message
 * key. Cheap to throw: no stack trace.
 */
public class InputRefused extends Exception {

	private final Enum<?> problem;

	protected InputRefused(Enum<?> problem) {
		super(problem.name(), null, false, false);
		this.problem = problem;
	}

	/** Why the input is refused; readers narrow this to their own {@code Problem}. */
	public Enum<?> problem() {
		return problem;
	}

}
