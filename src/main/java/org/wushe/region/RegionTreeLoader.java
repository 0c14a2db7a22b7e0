package org.wushe.region;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.wushe.shared.CsvRows;
import org.wushe.shared.cluster.ClusterLock;

/**
 * Loads the NBS tree shipped under {@code classpath:regions/} on first start. Two streaming passes over the gzip
 * files: the first counts children and descendants per level for every non-village node, the second inserts the rows
 * with those counts in batches. A row in {@code region_load} records the outcome, so later starts reuse the data and an
 * interrupted load starts over. Nodes started together share the work through a {@link ClusterLock}: one loads, the
 * others wait, show its progress from {@code region_load}, and serve once it is done.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class RegionTreeLoader {

	private static final Logger log = LoggerFactory.getLogger(RegionTreeLoader.class);

	private static final String[] FILES = { "level1_province.csv.gz", "level2_prefecture.csv.gz",
			"level3_county.csv.gz", "level4_township.csv.gz", "level5_village.csv.gz" };

	private static final String SCOPE_ALL = "all";

	static final String LOCK = "region-tree";

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	private final TransactionTemplate tx;

	private final RegionProperties properties;

	private final ApplicationEventPublisher events;

	private final ClusterLock lock;

	/** Set while another node holds the lock: the progress then comes from the database. */
	private volatile boolean waiting;

	private final AtomicLong loaded = new AtomicLong();

	private volatile RegionLoadStatus status = new RegionLoadStatus(RegionLoadStatus.State.NOT_STARTED, 0, 0, null,
			null);

	RegionLoadStatus status() {
		RegionLoadStatus s = status;
		if (waiting && s.state() == RegionLoadStatus.State.NOT_STARTED) {
			return jdbc.sql("SELECT loaded, total, started_at FROM region_load WHERE id = 1")
				.query((rs, n) -> new RegionLoadStatus(RegionLoadStatus.State.LOADING, rs.getLong(1), rs.getLong(2),
						rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant(), null))
				.optional()
				.orElse(new RegionLoadStatus(RegionLoadStatus.State.LOADING, 0, 0, null, null));
		}
		if (s.state() == RegionLoadStatus.State.LOADING) {
			return new RegionLoadStatus(s.state(), loaded.get(), s.total(), s.startedAt(), null);
		}
		return s;
	}

	@EventListener(ApplicationReadyEvent.class)
	void onStart() {
		if ("off".equals(properties.load())) {
			return;
		}
		String scope = properties.only().isEmpty() ? SCOPE_ALL : properties.only();
		if (useLoaded(scope)) {
			// other modules' start-up data, once across the nodes
			lock.run(LOCK, () -> events.publishEvent(new RegionTreeLoaded(status.total(), false)));
			return;
		}
		if ("foreground".equals(properties.load())) {
			loadOnce(scope);
		}
		else {
			Thread thread = new Thread(() -> loadOnce(scope), "region-loader");
			thread.setDaemon(true);
			thread.start();
		}
	}

	/** Loads the tree unless another node did while this one waited for the lock. */
	private void loadOnce(String scope) {
		waiting = true;
		try {
			lock.run(LOCK, () -> {
				waiting = false;
				if (useLoaded(scope)) {
					log.info("Region tree loaded by another node");
					events.publishEvent(new RegionTreeLoaded(status.total(), false));
				}
				else {
					load(scope);
				}
			});
		}
		catch (RuntimeException ex) {
			log.error("Loading the region tree failed", ex);
			status = new RegionLoadStatus(RegionLoadStatus.State.FAILED, loaded.get(), status.total(), null, null);
		}
		finally {
			waiting = false;
		}
	}

	/** Takes the tree already in the database if it is complete and covers the scope. */
	private boolean useLoaded(String scope) {
		record Load(String state, String scope, long loaded, Timestamp startedAt, Timestamp finishedAt) {
		}
		var existing = jdbc.sql("SELECT state, scope, loaded, started_at, finished_at FROM region_load WHERE id = 1")
			.query(Load.class)
			.optional();
		if (existing.isPresent() && "READY".equals(existing.get().state()) && covers(existing.get().scope(), scope)) {
			Load row = existing.get();
			status = new RegionLoadStatus(RegionLoadStatus.State.READY, row.loaded(), row.loaded(),
					row.startedAt().toInstant(), row.finishedAt().toInstant());
			log.info("Region tree already loaded ({} regions)", row.loaded());
			return true;
		}
		return false;
	}

	private static boolean covers(String loadedScope, String wanted) {
		return SCOPE_ALL.equals(loadedScope) || wanted.startsWith(loadedScope);
	}

	synchronized void load(String scope) {
		String prefix = SCOPE_ALL.equals(scope) ? "" : scope;
		Instant started = Instant.now();
		try {
			log.info("Loading the region tree ({}) ...", SCOPE_ALL.equals(scope) ? "whole country" : scope);
			Map<String, int[]> counts = new HashMap<>(64_000);
			long[] total = { 0 };
			forEachRow(prefix, row -> {
				total[0]++;
				count(counts, row);
			});
			loaded.set(0);
			status = new RegionLoadStatus(RegionLoadStatus.State.LOADING, 0, total[0], started, null);
			tx.executeWithoutResult(s -> {
				jdbc.sql("DELETE FROM region WHERE code <> '00'").update();
				jdbc.sql("DELETE FROM region_load").update();
				jdbc.sql("""
						INSERT INTO region_load (id, state, scope, loaded, total, started_at)
						VALUES (1, 'LOADING', :scope, 0, :total, :started)
						""")
					.param("scope", scope)
					.param("total", total[0])
					.param("started", Timestamp.from(started))
					.update();
			});
			insertAll(prefix, counts);
			Instant finished = Instant.now();
			int[] root = counts.getOrDefault(RegionCode.COUNTRY.value(), new int[6]);
			tx.executeWithoutResult(s -> {
				jdbc.sql("""
						UPDATE region SET child_count = :c, prefectures = :p, counties = :co, townships = :t,
						villages = :v WHERE code = '00'
						""")
					.param("c", root[0])
					.param("p", root[2])
					.param("co", root[3])
					.param("t", root[4])
					.param("v", root[5])
					.update();
				jdbc.sql("UPDATE region_load SET state = 'READY', loaded = :n, finished_at = :f WHERE id = 1")
					.param("n", total[0])
					.param("f", Timestamp.from(finished))
					.update();
			});
			status = new RegionLoadStatus(RegionLoadStatus.State.READY, total[0], total[0], started, finished);
			log.info("Region tree loaded: {} regions in {} ms", total[0],
					finished.toEpochMilli() - started.toEpochMilli());
			events.publishEvent(new RegionTreeLoaded(total[0], true));
		}
		catch (RuntimeException ex) {
			log.error("Loading the region tree failed", ex);
			status = new RegionLoadStatus(RegionLoadStatus.State.FAILED, loaded.get(), status.total(), started, null);
		}
	}

	private static void count(Map<String, int[]> counts, String[] row) {
		RegionCode code = new RegionCode(row[0]);
		int level = code.level().number();
		counts.computeIfAbsent(code.parent().value(), k -> new int[6])[0]++;
		for (RegionCode a : code.ancestors()) {
			counts.computeIfAbsent(a.value(), k -> new int[6])[level]++;
		}
	}

	private void insertAll(String prefix, Map<String, int[]> counts) {
		String sql = """
				INSERT INTO region (code, name, parent_code, level, child_count, prefectures, counties, townships, villages)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
				""";
		List<Object[]> batch = new ArrayList<>(properties.batchSize());
		Consumer<List<Object[]>> flush = rows -> {
			tx.executeWithoutResult(s -> {
				jdbcTemplate.batchUpdate(sql, rows);
				// progress for the nodes that wait
				jdbc.sql("UPDATE region_load SET loaded = loaded + :n WHERE id = 1").param("n", rows.size()).update();
			});
			loaded.addAndGet(rows.size());
			rows.clear();
		};
		forEachRow(prefix, row -> {
			int[] c = counts.getOrDefault(row[0], new int[6]);
			String parent = row[2].isEmpty() ? RegionCode.COUNTRY.value() : row[2];
			batch.add(new Object[] { row[0], row[1], parent, Integer.parseInt(row[3]), c[0], c[2], c[3], c[4],
					c[5] });
			if (batch.size() >= properties.batchSize()) {
				flush.accept(batch);
			}
		});
		if (!batch.isEmpty()) {
			flush.accept(batch);
		}
	}

	/** Streams {@code code,name,parent_code,level} rows of all five files, keeping those under {@code prefix}. */
	private static void forEachRow(String prefix, Consumer<String[]> consumer) {
		for (String file : FILES) {
			CsvRows.forEach("regions/" + file, row -> {
				// the subtree itself, plus its ancestors so that it can be reached from the root
				if (row[0].startsWith(prefix) || prefix.startsWith(row[0])) {
					consumer.accept(row);
				}
			});
		}
	}

}
