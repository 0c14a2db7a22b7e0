package org.wushe.shared.excel;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.dhatim.fastexcel.reader.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;
import org.wushe.shared.BusinessException;

/**
 * One import from start to end: streams the rows, parses them a batch at a time, lets the plan prepare look-ups for
 * that chunk, converts each row and stores valid items in batches, all in one transaction. In {@link ImportMode#ALL} the first wrong row stops storing (reading goes on, to report every problem)
 * and the transaction is rolled back; in {@link ImportMode#VALID} wrong rows are skipped.
 */
record ImportRun<T>(ExcelUpload upload, ImportPlan<T> plan, ImportJob job, BundleLabels labels, ExcelProperties limits,
		TransactionTemplate tx, Clock clock) implements Runnable {

	private static final Logger log = LoggerFactory.getLogger(ImportRun.class);

	private static final int PROGRESS_EVERY = 100;

	@Override
	public void run() {
		job.running();
		try {
			Boolean committed = tx.execute(status -> {
				boolean ok = readAndStore();
				if (!ok) {
					status.setRollbackOnly();
				}
				return ok;
			});
			if (Boolean.TRUE.equals(committed)) {
				job.finish(ImportJob.State.SUCCEEDED, null, Instant.now(clock));
			}
			else {
				job.finish(ImportJob.State.REJECTED, labels.text("excel.job.rejected-all", job.errorCount()),
						Instant.now(clock));
			}
		}
		catch (BusinessException ex) {
			job.finish(ImportJob.State.REJECTED, labels.text(ex.messageKey(), ex.args()), Instant.now(clock));
		}
		catch (RuntimeException ex) {
			log.error("Import {} of {} failed", job.id(), upload.fileName(), ex);
			job.finish(ImportJob.State.FAILED, labels.text("excel.job.failed"), Instant.now(clock));
		}
		finally {
			upload.close();
		}
	}

	/** Whether the transaction may commit. */
	private boolean readAndStore() {
		Progress p = new Progress();
		List<ImportRow> chunk = new ArrayList<>(limits.batchSize());
		try (SheetReading sheet = new SheetReading(upload, plan.layout(), labels)) {
			sheet.readHeader(upload.sheetName());
			while (sheet.hasNext()) {
				Row r = sheet.next();
				if (sheet.isBlank(r)) {
					continue;
				}
				p.read++;
				if (p.read > limits.maxRows()) {
					throw new ExcelRejected("excel.file.too-many-rows", p.read, limits.maxRows());
				}
				chunk.add(sheet.parse(r));
				if (chunk.size() >= limits.batchSize()) {
					convertAndStore(chunk, p);
					chunk.clear();
				}
			}
			convertAndStore(chunk, p);
			if (p.storing && !p.batch.isEmpty()) {
				plan.store(p.batch);
				p.stored += p.batch.size();
			}
			job.progress(p.read, p.stored);
			if (p.read == 0) {
				throw new ExcelRejected("excel.file.no-rows");
			}
		}
		boolean commit = job.mode() == ImportMode.VALID || job.errorCount() == 0;
		if (commit) {
			plan.finish();
		}
		return commit;
	}

	/** Rows read, items stored, whether storing goes on, and the batch being filled. */
	private final class Progress {

		long read;

		long stored;

		long converted;

		boolean storing = true;

		List<T> batch = new ArrayList<>(limits.batchSize());

	}

	/** Converts the parsed rows of one chunk in order (after {@link ImportPlan#prepare}) and stores full batches. */
	private void convertAndStore(List<ImportRow> chunk, Progress p) {
		if (chunk.isEmpty()) {
			return;
		}
		plan.prepare(chunk);
		for (ImportRow row : chunk) {
			p.converted++;
			T item = row.hasErrors() ? null : plan.convert(row);
			if (item == null) {
				if (!row.hasErrors()) {
					row.rejectRow("excel.row.rejected");
				}
				job.addErrors(row.rawErrors());
				if (job.mode() == ImportMode.ALL) {
					p.storing = false;
					p.batch.clear();
				}
			}
			else if (p.storing) {
				p.batch.add(item);
				if (p.batch.size() >= limits.batchSize()) {
					plan.store(p.batch);
					p.stored += p.batch.size();
					p.batch = new ArrayList<>(limits.batchSize());
				}
			}
			if (p.converted % PROGRESS_EVERY == 0) {
				job.progress(p.converted, p.stored);
			}
		}
	}

}
