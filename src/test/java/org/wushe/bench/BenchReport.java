package org.wushe.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** What the benchmarks share to report: percentiles, milliseconds, the load average, report lines. */
final class BenchReport {

	private BenchReport() {
	}

	/** The machine's load average over 1, 5 and 15 minutes, or "?" where it is not known. */
	static String load() {
		try {
			String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
			return f[0] + " " + f[1] + " " + f[2];
		}
		catch (java.io.IOException ex) {
			return "?";
		}
	}

	/** The {@code p}-th percentile (nearest rank) of sorted values. */
	static long pct(long[] sorted, int p) {
		if (sorted.length == 0) {
			return 0;
		}
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
	}

	static String ms(long nanos) {
		return String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
	}

	/** Adds a line to the report and prints it. */
	static void line(StringBuilder report, String text) {
		report.append(text).append('\n');
		System.out.println(text);
	}

}
