package org.wushe.shared.excel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wushe.support.IntegrationTest;

/**
 * Import jobs polled from the database, as another node sees them: progress while running, the kept problems once
 * finished, only for their owner; a job whose node stopped beating is reported failed with nothing stored.
 */
@IntegrationTest
class ImportJobStoreTests {

	@Autowired
	ExcelImports imports;

	@Autowired
	ImportJobStore store;

	@Autowired
	JdbcClient jdbc;

	ImportJob started(String owner) {
		ImportJob job = new ImportJob(UUID.randomUUID().toString(), owner, ImportMode.VALID, "志愿者.xlsx", 100, 50,
				Instant.now());
		store.insert(job);
		return job;
	}

	@Test
	void anotherNodeSeesProgressThenTheResultOfItsOwnersJob() {
		ImportJob job = started("alice");
		job.running();
		job.progress(40, 30);
		store.save(job);
		ImportJob polled = imports.job(job.id(), "alice").orElseThrow();
		assertThat(polled.state()).isEqualTo(ImportJob.State.RUNNING);
		assertThat(polled.rowsRead()).isEqualTo(40);
		assertThat(polled.percent()).isEqualTo(40);
		assertThat(imports.job(job.id(), "bob")).isEmpty();

		job.addErrors(List.of(new ImportError(7, "C", "手机号", "手机号格式不对"), new ImportError(7, "D", "姓名", "必填")));
		job.progress(100, 99);
		job.finish(ImportJob.State.SUCCEEDED, null, Instant.now());
		store.save(job);
		polled = imports.job(job.id(), "alice").orElseThrow();
		assertThat(polled.state()).isEqualTo(ImportJob.State.SUCCEEDED);
		assertThat(polled.stored()).isEqualTo(99);
		assertThat(polled.errorRows()).isEqualTo(1);
		assertThat(polled.errors()).isEqualTo(job.errors());
	}

	@Test
	void aJobWhoseNodeDiedIsReportedFailed() {
		ImportJob job = started("carol");
		job.running();
		job.progress(60, 60);
		store.save(job);
		assertThat(imports.job(job.id(), "carol").orElseThrow().state()).isEqualTo(ImportJob.State.RUNNING);

		jdbc.sql("UPDATE import_job SET heartbeat_at = :at WHERE id = :id")
			.param("at", java.sql.Timestamp.from(Instant.now().minus(ImportJobStore.LOST_AFTER).minusSeconds(5)))
			.param("id", job.id())
			.update();
		ImportJob lost = imports.job(job.id(), "carol").orElseThrow();
		assertThat(lost.state()).isEqualTo(ImportJob.State.FAILED);
		assertThat(lost.stored()).isZero();
		assertThat(lost.problem()).isNotBlank().isNotEqualTo("excel.job.node-lost");
	}

}
