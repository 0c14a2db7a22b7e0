package org.wushe.shared.upload;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.springframework.http.HttpStatus;
import org.wushe.shared.BusinessException;

/**
 * How many pixels the whole application decodes at once. Decoding a photo takes about four bytes of memory per
 * pixel, so a few large photos in parallel could exhaust the heap and slow every other request; each decoding first
 * takes its pixels from this budget (waiting a short while if need be) and gives them back when done. When the
 * budget stays taken, the upload is refused as busy ({@code 503}, "try again"), never as a damaged image.
 */
public final class DecodingBudget {

	/** The budget shared by every upload: a little more than one photo at the largest size accepted. */
	public static final DecodingBudget SHARED = new DecodingBudget(64_000_000L, Duration.ofSeconds(10));

	private static final long PIXELS_PER_PERMIT = 1_000;

	private final Semaphore permits;

	private final int total;

	private final Duration wait;

	public DecodingBudget(long pixels, Duration wait) {
		this.total = (int) Math.max(1, pixels / PIXELS_PER_PERMIT);
		this.permits = new Semaphore(total, true);
		this.wait = wait;
	}

	/** The most pixels one image may have to be decoded under this budget. */
	public long maxPixels() {
		return total * PIXELS_PER_PERMIT;
	}

	/**
	 * Takes {@code pixels} from the budget; the returned handle gives them back. Throws a {@code 503}
	 * {@link BusinessException} ({@code upload.busy}) when they do not free up in time.
	 */
	public Lease take(long pixels) {
		int n = (int) Math.min(total, Math.max(1, (pixels + PIXELS_PER_PERMIT - 1) / PIXELS_PER_PERMIT));
		boolean got;
		try {
			got = permits.tryAcquire(n, wait.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			got = false;
		}
		if (!got) {
			throw new BusinessException(HttpStatus.SERVICE_UNAVAILABLE, "upload.busy");
		}
		return () -> permits.release(n);
	}

	/** Pixels taken from a budget, given back on close. */
	public interface Lease extends AutoCloseable {

		@Override
		void close();

	}

}
