package org.wushe.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.wushe.WusheApplication;

/** What the benchmarks' mains share: their options, and the application started on a benchmark database. */
final class BenchApp {

	private BenchApp() {
	}

	/** The options {@code --name=value} (or {@code --name}, meaning {@code true}) in their order. */
	static Map<String, String> options(String[] args) {
		Map<String, String> a = new LinkedHashMap<>();
		for (String arg : args) {
			String[] kv = arg.replaceFirst("^--", "").split("=", 2);
			a.put(kv[0], kv.length > 1 ? kv[1] : "true");
		}
		return a;
	}

	/**
	 * The application without its web server on the PostgreSQL database at {@code url} (batched inserts rewritten),
	 * the region tree loaded before it starts, no demo data, a fixed key for personal data, warnings only except the
	 * application's own information; {@code more} are further properties ({@code --name=value}).
	 */
	static ConfigurableApplicationContext postgres(String url, String... more) {
		List<String> args = new ArrayList<>(List.of("--spring.datasource.url=" + url + "?reWriteBatchedInserts=true",
				"--wushe.regions.load=foreground", "--wushe.demo.enabled=false", "--wushe.admin.password=Wushe-bench-7q",
				"--wushe.crypto.key=" + java.util.Base64.getEncoder().encodeToString(new byte[32]),
				"--logging.level.root=WARN", "--logging.level.org.wushe=INFO"));
		args.addAll(List.of(more));
		return new SpringApplicationBuilder(WusheApplication.class).web(WebApplicationType.NONE)
			.profiles("postgres")
			.run(args.toArray(String[]::new));
	}

}
