package org.wushe.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Steps of a bulk load on PostgreSQL run on one connection (its session settings stay on it), each timed and written
 * to a log: a statement, and a bulk insert into a table whose indexes are built again afterwards.
 */
final class BulkLoad {

	private final JdbcClient jdbc;

	private final List<String> log;

	BulkLoad(JdbcClient jdbc, List<String> log) {
		this.jdbc = jdbc;
		this.log = log;
	}

	/**
	 * Creates the temporary table {@code bench_village} (code, k) of the villages of {@code province}, numbered from 0
	 * in code order, and answers how many there are.
	 */
	long villages(String province) {
		step("villages of the province", """
				CREATE TEMP TABLE bench_village AS
				SELECT code, (ROW_NUMBER() OVER (ORDER BY code)) - 1 AS k FROM region
				WHERE level = 5 AND code >= '%s' AND code < '%s'
				""".formatted(province, CareDataset.next(province)));
		long villages = jdbc.sql("SELECT COUNT(*) FROM bench_village").query(Long.class).single();
		log(String.format(java.util.Locale.ROOT, "- %,d villages in province %s", villages, province));
		jdbc.sql("ANALYZE bench_village").update();
		return villages;
	}

	/** Runs one statement (a query's rows are read and dropped) and logs how long it took. */
	void step(String what, String sql) {
		long t0 = System.nanoTime();
		if (sql.strip().startsWith("SELECT")) {
			jdbc.sql(sql).query().listOfRows();
		}
		else {
			jdbc.sql(sql).update();
		}
		log(String.format(Locale.ROOT, "- %s: %.1f s", what, (System.nanoTime() - t0) / 1e9));
	}

	/**
	 * Runs a bulk insert into {@code table} with its indexes other than the primary key dropped (and, for a table no
	 * foreign key points at, the primary key too), and builds them again afterwards: building an index once over the
	 * loaded rows is far cheaper than keeping it up to date row by row. Foreign keys are not checked meanwhile
	 * ({@code session_replication_role = replica}): the rows are generated from rows just loaded.
	 */
	void withoutSecondaryIndexes(String table, Runnable load) {
		String secondary = """
				FROM pg_indexes i WHERE tablename = :t AND schemaname = current_schema()
				  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname
				                  AND c.conrelid = CAST(:t AS regclass))
				""";
		List<String> rebuild = new ArrayList<>(
				jdbc.sql("SELECT indexdef " + secondary).param("t", table).query(String.class).list());
		jdbc.sql("SELECT indexname " + secondary)
			.param("t", table)
			.query(String.class)
			.list()
			.forEach(i -> jdbc.sql("DROP INDEX " + i).update());
		boolean referenced = jdbc.sql("SELECT COUNT(*) FROM pg_constraint WHERE confrelid = CAST(:t AS regclass)")
			.param("t", table)
			.query(Long.class)
			.single() > 0;
		record Key(String name, String definition) {
		}
		List<Key> keys = referenced ? List.of() : jdbc.sql("""
				SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint
				WHERE conrelid = CAST(:t AS regclass) AND contype IN ('p', 'u')
				""").param("t", table).query((rs, n) -> new Key(rs.getString(1), rs.getString(2))).list();
		keys.forEach(k -> jdbc.sql("ALTER TABLE " + table + " DROP CONSTRAINT " + k.name()).update());
		jdbc.sql("SET session_replication_role = replica").update();
		try {
			load.run();
		}
		finally {
			jdbc.sql("SET session_replication_role = DEFAULT").update();
		}
		jdbc.sql("SET maintenance_work_mem = '1GB'").update();
		long t0 = System.nanoTime();
		keys.forEach(k -> jdbc.sql("ALTER TABLE " + table + " ADD CONSTRAINT " + k.name() + " " + k.definition())
			.update());
		rebuild.forEach(def -> jdbc.sql(def).update());
		log(String.format(Locale.ROOT, "- %s: %d indexes built again after the load: %.1f s", table,
				keys.size() + rebuild.size(), (System.nanoTime() - t0) / 1e9));
	}

	private void log(String line) {
		log.add(line);
		System.out.println(line);
	}

}
