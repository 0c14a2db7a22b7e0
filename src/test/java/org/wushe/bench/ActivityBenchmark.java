package org.wushe.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.FileSystemResource;
import org.wushe.WusheApplication;
import org.wushe.activity.ActivityImport;
import org.wushe.activity.ActivityInput;
import org.wushe.activity.ActivityRollup;
import org.wushe.activity.ActivityService;
import org.wushe.activity.ImportResult;
import org.wushe.activity.ProgressTableExport;
import org.wushe.campaign.CampaignInput;
import org.wushe.campaign.CampaignService;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionScope;
import org.wushe.support.TestDatabase;

/**
 * Measures the activity module on the test database (H2 by default, PostgreSQL with {@code -Dwushe.test.db=postgres}):
 * import of generated 附件1 workbooks, export of the combined province table, rollup query latency, and single
 * writes from 8 concurrent writers. Not a test; run it with the test class path, e.g.
 * {@code java -Xmx256m -cp target/test-classes:target/classes:$(cat target/classpath) org.wushe.benchmark.ActivityBenchmark 10000 100000}.
 */
public final class ActivityBenchmark {

	static final RegionScope COUNTRY = new RegionScope(RegionCode.COUNTRY);

	public static void main(String[] args) throws Exception {
		List<Integer> sizes = new ArrayList<>();
		for (String a : args) {
			sizes.add(Integer.parseInt(a));
		}
		if (sizes.isEmpty()) {
			sizes.add(10_000);
		}
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(WusheApplication.class)
			.profiles(new TestDatabase().resolve(ActivityBenchmark.class))
			.properties("server.port=0", "logging.level.root=WARN")
			.run()) {
			CampaignService campaigns = context.getBean(CampaignService.class);
			ActivityImport imports = context.getBean(ActivityImport.class);
			ActivityRollup rollup = context.getBean(ActivityRollup.class);
			ActivityService activities = context.getBean(ActivityService.class);
			ProgressTableExport export = context.getBean(ProgressTableExport.class);
			long campaign = campaigns.create(COUNTRY, new CampaignInput(null, "benchmark-" + System.nanoTime(), "t", "15",
					2, "2022-03-17", "2022-03-31", List.of("2022-03-31 17:00"), null, null, null, null, null, null,
					null), "benchmark");
			String[] counties = { "150102", "150103", "150104", "150105", "150202", "150203", "150302", "150402" };
			for (int size : sizes) {
				Path file = Files.createTempFile("wushe-import-", ".xlsx");
				try {
					write(file, size);
					for (int run = 0; run < 2; run++) {
						String county = counties[(run + sizes.indexOf(size) * 2) % counties.length];
						resetPeak();
						long t0 = System.nanoTime();
						long cpu0 = cpuNanos();
						ImportResult r = imports.importTable(COUNTRY, campaign, county, "all",
								new FileSystemResource(file), Files.size(file), "bench.xlsx", "benchmark");
						double s = (System.nanoTime() - t0) / 1e9;
						System.out.printf(
								"import %,d rows (%.1f MB): %.2f s, %,.0f rows/s, imported %d, peak heap %d MB, JVM CPU %.2f s, load %.1f%n",
								size, Files.size(file) / 1e6, s, size / s, r.imported(), peakHeapMb(),
								(cpuNanos() - cpu0) / 1e9, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
					}
				}
				finally {
					Files.deleteIfExists(file);
				}
			}
			resetPeak();
			long t0 = System.nanoTime();
			ByteArrayOutputStream sink = new ByteArrayOutputStream();
			ProgressTableExport.Export e = export.prepare(COUNTRY, campaign, RegionCode.parse("15"), 1);
			e.body().writeTo(sink);
			long rows = context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
				.sql("SELECT COUNT(*) FROM activity WHERE campaign_id = :c")
				.param("c", campaign)
				.query(Long.class)
				.single();
			System.out.printf("export combined province table, %,d rows: %.2f s, %.1f MB, peak heap %d MB%n", rows,
					(System.nanoTime() - t0) / 1e9, sink.size() / 1e6, peakHeapMb());

			for (String region : List.of("00", "15", "1501", "150102", "150102001")) {
				List<Long> times = new ArrayList<>();
				for (int i = 0; i < 300; i++) {
					long q = System.nanoTime();
					rollup.totals(COUNTRY, RegionCode.parse(region), LocalDate.of(2022, 1, 5), LocalDate.of(2022, 12, 20),
							i % 2 == 0 ? null : campaign);
					times.add(System.nanoTime() - q);
				}
				report("rollup query " + region + " (Jan 5 - Dec 20)", times.subList(100, times.size()));
			}

			ExecutorService pool = Executors.newFixedThreadPool(8);
			List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
			List<Future<?>> futures = new ArrayList<>();
			for (int w = 0; w < 8; w++) {
				int writer = w;
				futures.add(pool.submit(() -> {
					Random random = new Random(writer);
					for (int i = 0; i < 150; i++) {
						String county = counties[random.nextInt(counties.length)];
						long q = System.nanoTime();
						activities.record(COUNTRY, campaign, new ActivityInput(county, "w", null, "5",
								"2022-03-2" + random.nextInt(10), null, null, null, List.of("ELDERLY"), "5", "10", "0",
								null), "benchmark");
						if (i >= 30) {
							latencies.add(System.nanoTime() - q);
						}
					}
					return null;
				}));
			}
			for (Future<?> f : futures) {
				f.get();
			}
			pool.shutdown();
			report("single write, 8 concurrent writers", latencies);
		}
	}

	static void write(Path file, int rows) throws IOException {
		Random random = new Random(rows);
		String[] domains = { "老年人", "残疾人、妇女", "儿童青少年", "困难群体，其他", "妇女 儿童青少年" };
		try (var out = Files.newOutputStream(file)) {
			Workbook wb = new Workbook(out, "bench", "1.0");
			Worksheet ws = wb.newWorksheet("附件1");
			ws.value(0, 0, "盟市社会工作主题宣传活动工作进展情况统计表");
			String[] header = { "序号", "活动名称", "参与活动的单位或社会组织（团队）名称", "参与人次", "活动开展时间", "活动地点", "活动内容",
					"服务领域（老年人、残疾人、妇女、儿童青少年、困难群体等）", "受益人次", "链接资金（元）", "链接物资折价（元）", "备注" };
			for (int c = 0; c < header.length; c++) {
				ws.value(1, c, header[c]);
			}
			for (int i = 0; i < rows; i++) {
				int r = i + 2;
				ws.value(r, 0, i + 1);
				ws.value(r, 1, "社区活动" + i);
				ws.value(r, 2, "社工站");
				ws.value(r, 3, 1 + random.nextInt(200));
				ws.value(r, 4, "3月" + (17 + random.nextInt(14)) + "日");
				ws.value(r, 5, "社区广场");
				ws.value(r, 6, "宣传社会工作，开展志愿服务");
				ws.value(r, 7, domains[random.nextInt(domains.length)]);
				ws.value(r, 8, random.nextInt(500));
				ws.value(r, 9, random.nextInt(10) == 0 ? "1,200.50元" : String.valueOf(random.nextInt(5000)));
				ws.value(r, 10, random.nextInt(3000));
				if (i % 10_000 == 0) {
					ws.flush();
				}
			}
			wb.finish();
		}
	}

	static void report(String what, List<Long> nanos) {
		List<Long> sorted = new ArrayList<>(nanos);
		Collections.sort(sorted);
		System.out.printf("%s: n=%d p50 %.2f ms, p95 %.2f ms, p99 %.2f ms%n", what, sorted.size(),
				sorted.get(sorted.size() / 2) / 1e6, sorted.get((int) (sorted.size() * 0.95)) / 1e6,
				sorted.get((int) (sorted.size() * 0.99)) / 1e6);
	}

	static long cpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	static void resetPeak() {
		System.gc();
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				pool.resetPeakUsage();
			}
		}
	}

	static long peakHeapMb() {
		long peak = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				peak += pool.getPeakUsage().getUsed();
			}
		}
		return peak / 1024 / 1024;
	}

}
