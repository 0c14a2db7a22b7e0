package org.wushe.shared.excel;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Import jobs in the database ({@code import_job}), so that a poll reaches the job from any node. Writes go in a
 * transaction of their own, never in the import's (which commits only at its end). A job not finished whose
 * heartbeat is older than {@link #LOST_AFTER} belongs to a node that died.
 */
@Component
class ImportJobStore {

	static final Duration HEARTBEAT = Duration.ofSeconds(5);

	static final Duration LOST_AFTER = Duration.ofSeconds(60);

	static final Duration KEPT = Duration.ofDays(1);

	private static final char FIELD = '\u001F';

	private static final char RECORD = '\u001E';

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final Clock clock;

	ImportJobStore(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
		this.jdbc = jdbc;
		this.tx = new TransactionTemplate(transactions);
		this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	void insert(ImportJob job) {
		Instant now = Instant.now(clock);
		tx.executeWithoutResult(s -> {
			jdbc.sql("DELETE FROM import_job WHERE created_at < :before")
				.param("before", Timestamp.from(now.minus(KEPT)))
				.update();
			jdbc.sql("""
					INSERT INTO import_job (id, owner, mode, file_name, total_rows, max_errors, state, rows_read, stored,
					                        error_rows, error_count, created_at, heartbeat_at)
					VALUES (:id, :owner, :mode, :file, :total, :max, :state, 0, 0, 0, 0, :created, :now)
					""")
				.param("id", job.id())
				.param("owner", job.owner())
				.param("mode", job.mode().name())
				.param("file", job.fileName() == null || job.fileName().length() <= 300 ? job.fileName()
						: job.fileName().substring(0, 300))
				.param("total", job.totalRows())
				.param("max", job.maxErrorsShown())
				.param("state", job.state().name())
				.param("created", Timestamp.from(job.createdAt()))
				.param("now", Timestamp.from(now))
				.update();
		});
	}

	/** Writes where the job stands, and that its node is alive. */
	void save(ImportJob job) {
		String problem = job.problem();
		tx.executeWithoutResult(s -> jdbc.sql("""
				UPDATE import_job SET state = :state, rows_read = :rows, stored = :stored, error_rows = :errorRows,
				       error_count = :errorCount, problem = :problem, errors = :errors, heartbeat_at = :now,
				       finished_at = :finished
				WHERE id = :id
				""")
			.param("state", job.state().name())
			.param("rows", job.rowsRead())
			.param("stored", job.stored())
			.param("errorRows", job.errorRows())
			.param("errorCount", job.errorCount())
			.param("problem", problem == null || problem.length() <= 1000 ? problem : problem.substring(0, 1000))
			.param("errors", encode(job.errors()))
			.param("now", Timestamp.from(Instant.now(clock)))
			.param("finished", job.finishedAt() == null ? null : Timestamp.from(job.finishedAt()))
			.param("id", job.id())
			.update());
	}

	/** The job with {@code id} if {@code owner} started it; one whose node died is marked failed with {@code lost}. */
	Optional<ImportJob> find(String id, String owner, String lost) {
		Instant now = Instant.now(clock);
		jdbc.sql("""
				UPDATE import_job SET state = 'FAILED', problem = :problem, finished_at = :now
				WHERE id = :id AND state IN ('QUEUED', 'RUNNING') AND heartbeat_at < :stale
				""")
			.param("problem", lost)
			.param("now", Timestamp.from(now))
			.param("id", id)
			.param("stale", Timestamp.from(now.minus(LOST_AFTER)))
			.update();
		return jdbc.sql("SELECT * FROM import_job WHERE id = :id AND owner = :owner")
			.param("id", id)
			.param("owner", owner)
			.query(ImportJobStore::map)
			.optional();
	}

	private static ImportJob map(ResultSet rs, int n) throws SQLException {
		ImportJob job = new ImportJob(rs.getString("id"), rs.getString("owner"),
				ImportMode.valueOf(rs.getString("mode")), rs.getString("file_name"), rs.getLong("total_rows"),
				rs.getInt("max_errors"), rs.getTimestamp("created_at").toInstant());
		Timestamp finished = rs.getTimestamp("finished_at");
		job.restore(ImportJob.State.valueOf(rs.getString("state")), rs.getLong("rows_read"), rs.getLong("stored"),
				rs.getLong("error_rows"), rs.getLong("error_count"), rs.getString("problem"),
				finished == null ? null : finished.toInstant(), decode(rs.getString("errors")));
		return job;
	}

	static String encode(List<ImportError> errors) {
		if (errors.isEmpty()) {
			return null;
		}
		StringBuilder out = new StringBuilder();
		for (ImportError e : errors) {
			if (!out.isEmpty()) {
				out.append(RECORD);
			}
			out.append(e.row()).append(FIELD).append(clean(e.column())).append(FIELD).append(clean(e.header()))
				.append(FIELD).append(clean(e.message()));
		}
		return out.toString();
	}

	static List<ImportError> decode(String text) {
		List<ImportError> errors = new ArrayList<>();
		if (text == null || text.isEmpty()) {
			return errors;
		}
		for (String record : text.split(String.valueOf(RECORD), -1)) {
			String[] f = record.split(String.valueOf(FIELD), -1);
			errors.add(new ImportError(Integer.parseInt(f[0]), nullIfEmpty(f[1]), nullIfEmpty(f[2]), nullIfEmpty(f[3])));
		}
		return errors;
	}

	private static String clean(String s) {
		return s == null ? "" : s.replace(FIELD, ' ').replace(RECORD, ' ');
	}

	private static String nullIfEmpty(String s) {
		return s.isEmpty() ? null : s;
	}

}
