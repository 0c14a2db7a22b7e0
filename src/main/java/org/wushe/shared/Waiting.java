package org.wushe.shared;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** Waiting for an answer that another thread (a group writer) gives. */
public final class Waiting {

	private Waiting() {
	}

	/**
	 * The answer once given; a failure is rethrown as it was thrown (wrapped only when it is not a runtime exception),
	 * and an interruption keeps the thread's interrupt flag and fails with {@code what} named.
	 */
	public static <T> T answer(CompletableFuture<T> answer, String what) {
		try {
			return answer.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while " + what, ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException re) {
				throw re;
			}
			throw new IllegalStateException(ex.getCause());
		}
	}

}
