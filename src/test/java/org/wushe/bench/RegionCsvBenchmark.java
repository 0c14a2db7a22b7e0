package org.wushe.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

import org.springframework.core.io.ClassPathResource;
import org.wushe.shared.CsvRows;

/**
 * Reading the region tree's five gzip CSV files (665,276 rows), as the first-start loader does in each of its two
 * passes: through {@link CsvRows} (commons-csv) against the former {@code line.split(",", -1)}, interleaved in the same
 * run so that both share the machine's noise. Prints the median wall and thread CPU time per full read, and checks
 * that both see the same rows. Not a test: run its {@code main} (see docs/benchmarks.md). Argument: rounds (7).
 */
public class RegionCsvBenchmark {

	static final String[] FILES = { "level1_province.csv.gz", "level2_prefecture.csv.gz", "level3_county.csv.gz",
			"level4_township.csv.gz", "level5_village.csv.gz" };

	public static void main(String[] args) throws IOException {
		int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		List<long[]> split = new ArrayList<>();
		List<long[]> csv = new ArrayList<>();
		long splitRows = 0;
		long csvRows = 0;
		for (int round = 0; round < rounds; round++) {
			AtomicLong checksum = new AtomicLong();
			long wall = System.nanoTime();
			long cpu = threads.getCurrentThreadCpuTime();
			splitRows = splitRead(row -> checksum.addAndGet(row[0].length() + row.length));
			split.add(new long[] { System.nanoTime() - wall, threads.getCurrentThreadCpuTime() - cpu });
			long splitSum = checksum.getAndSet(0);
			wall = System.nanoTime();
			cpu = threads.getCurrentThreadCpuTime();
			AtomicLong count = new AtomicLong();
			for (String file : FILES) {
				CsvRows.forEach("regions/" + file, row -> {
					count.incrementAndGet();
					checksum.addAndGet(row[0].length() + row.length);
				});
			}
			csv.add(new long[] { System.nanoTime() - wall, threads.getCurrentThreadCpuTime() - cpu });
			csvRows = count.get();
			if (csvRows != splitRows || checksum.get() != splitSum) {
				throw new IllegalStateException("rows differ: " + splitRows + " split, " + csvRows + " csv");
			}
		}
		System.out.printf("rows per read: %,d; %d rounds (the first is warm-up)%n", csvRows, rounds);
		System.out.printf("split(\",\"):   wall %s ms, cpu %s ms (median)%n", median(split, 0), median(split, 1));
		System.out.printf("commons-csv:  wall %s ms, cpu %s ms (median)%n", median(csv, 0), median(csv, 1));
	}

	private static long splitRead(Consumer<String[]> consumer) throws IOException {
		long rows = 0;
		for (String file : FILES) {
			try (InputStream in = new GZIPInputStream(new ClassPathResource("regions/" + file).getInputStream(), 1 << 16);
					BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
				String line = reader.readLine();
				while ((line = reader.readLine()) != null) {
					if (!line.isEmpty()) {
						consumer.accept(line.split(",", -1));
						rows++;
					}
				}
			}
		}
		return rows;
	}

	private static long median(List<long[]> runs, int index) {
		long[] values = runs.stream().skip(runs.size() > 1 ? 1 : 0).mapToLong(r -> r[index] / 1_000_000).toArray();
		Arrays.sort(values);
		return values[values.length / 2];
	}

}
