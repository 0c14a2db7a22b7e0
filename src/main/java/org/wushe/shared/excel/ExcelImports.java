package org.wushe.shared.excel;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;

/**
 * Templates and imports for every module. A module describes its file once ({@link ExcelLayout}) and supplies an
 * {@link ImportPlan} per upload; this service checks the file, reads the header, and then streams and stores the rows
 * — at once for small files, in the background for large ones, with progress in an {@link ImportJob} that pages poll.
 * <p>
 * Jobs are kept in memory for an hour after they finish and are visible only to the user who started them. In the
 * application they are also written to the database ({@link ImportJobStore}), so that a poll reaching another node
 * finds them, and a job whose node died is reported as failed.
 */
@Service
public class ExcelImports {

	public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private static final Logger log = LoggerFactory.getLogger(ExcelImports.class);

	private static final Duration KEEP_FINISHED = Duration.ofHours(1);

	private static final int MAX_JOBS = 500;

	private final MessageSource messages;

	private final TransactionTemplate tx;

	private final ExcelProperties properties;

	private final Clock clock;

	private final ThreadPoolExecutor workers;

	private final Map<String, ImportJob> jobs = new ConcurrentHashMap<>();

	/** {@code null} outside the application (unit tests, benchmarks): jobs then live in memory only. */
	private final ImportJobStore store;

	private final ScheduledExecutorService heartbeat;

	public ExcelImports(MessageSource messages, PlatformTransactionManager transactions, ExcelProperties properties,
			Clock clock) {
		this(messages, transactions, properties, clock, null);
	}

	@Autowired
	ExcelImports(MessageSource messages, PlatformTransactionManager transactions, ExcelProperties properties,
			Clock clock, ImportJobStore store) {
		this.store = store;
		this.messages = messages;
		this.tx = new TransactionTemplate(transactions);
		this.properties = properties;
		this.clock = clock;
		AtomicInteger n = new AtomicInteger();
		this.workers = new ThreadPoolExecutor(properties.workers(), properties.workers(), 1, TimeUnit.MINUTES,
				new ArrayBlockingQueue<>(20), r -> {
					Thread t = new Thread(r, "excel-import-" + n.incrementAndGet());
					t.setDaemon(true);
					return t;
				});
		this.workers.allowCoreThreadTimeOut(true);
		if (store == null) {
			this.heartbeat = null;
		}
		else {
			this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
				Thread t = new Thread(r, "excel-import-heartbeat");
				t.setDaemon(true);
				return t;
			});
			long every = ImportJobStore.HEARTBEAT.toMillis();
			this.heartbeat.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
		}
	}

	/** Writes the running jobs of this node to the database: their progress, and that the node is alive. */
	private void beat() {
		for (ImportJob job : jobs.values()) {
			if (!job.isFinished()) {
				try {
					store.save(job);
				}
				catch (RuntimeException ex) {
					log.warn("Import job {} not saved: {}", job.id(), ex.toString());
				}
			}
		}
	}

	public ExcelProperties properties() {
		return properties;
	}

	/** Writes the template of {@code layout} in the current language. */
	public void writeTemplate(ExcelLayout layout, OutputStream out) throws IOException {
		new TemplateWriter(bundleLabels(), properties).write(layout, out);
	}

	/** Sends the template as a download named after {@code fileNameKey} ({@code .xlsx} is appended). */
	public void downloadTemplate(ExcelLayout layout, String fileNameKey, HttpServletResponse response)
			throws IOException {
		prepareDownload(response, labels().text(fileNameKey) + ".xlsx");
		writeTemplate(layout, response.getOutputStream());
		response.flushBuffer();
	}

	/** Sets the headers of an {@code .xlsx} download with a UTF-8 file name. */
	public static void prepareDownload(HttpServletResponse response, String fileName) {
		response.setContentType(XLSX);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
	}

	/**
	 * Checks an upload and starts importing it. File-level problems (type, macros, size, layout) are thrown at once as
	 * {@link ExcelRejected}; row problems end up in the returned job. Small files are imported before this returns,
	 * large ones in the background.
	 */
	public <T> ImportJob start(MultipartFile file, ImportPlan<T> plan, ImportMode mode, String owner) {
		if (file == null || file.isEmpty()) {
			throw new ExcelRejected("excel.file.empty");
		}
		if (file.getSize() > properties.maxFileSize().toBytes()) {
			throw new ExcelRejected(HttpStatus.PAYLOAD_TOO_LARGE, "excel.file.too-large",
					properties.maxFileSize().toMegabytes());
		}
		try {
			return start(file.getInputStream(), file.getOriginalFilename(), plan, mode, owner, false);
		}
		catch (IOException ex) {
			throw new ExcelRejected("excel.file.unreadable");
		}
	}

	/** As {@link #start(MultipartFile, ImportPlan, ImportMode, String)}, from a stream. */
	public <T> ImportJob start(InputStream in, String fileName, ImportPlan<T> plan, ImportMode mode, String owner) {
		return start(in, fileName, plan, mode, owner, false);
	}

	/** Checks and imports in the calling thread, whatever the size; for scripts, tests and benchmarks. */
	public <T> ImportJob runNow(InputStream in, String fileName, ImportPlan<T> plan, ImportMode mode, String owner) {
		return start(in, fileName, plan, mode, owner, true);
	}

	private <T> ImportJob start(InputStream in, String fileName, ImportPlan<T> plan, ImportMode mode, String owner,
			boolean inline) {
		BundleLabels labels = bundleLabels();
		ExcelUpload upload = ExcelUpload.receive(in, fileName, properties,
				labels.variants(plan.layout().sheetNameKey()));
		try (SheetReading sheet = new SheetReading(upload, plan.layout(), labels)) {
			sheet.readHeader(upload.sheetName());
		}
		catch (RuntimeException ex) {
			upload.close();
			throw ex;
		}
		purge();
		ImportJob job = new ImportJob(UUID.randomUUID().toString(), owner, mode == null ? ImportMode.ALL : mode,
				upload.fileName(), upload.announcedRows(), properties.maxErrorsShown(), Instant.now(clock));
		ImportRun<T> base = new ImportRun<>(upload, plan, job, labels, properties, tx, clock);
		Runnable run = store == null ? base : () -> {
			try {
				base.run();
			}
			finally {
				store.save(job);
			}
		};
		jobs.put(job.id(), job);
		if (store != null) {
			store.insert(job);
		}
		// without an announced size, guess from the file: a stored row takes at least some 40 compressed bytes
		boolean background = !inline && (upload.announcedRows() < 0
				? upload.size() > 40L * properties.backgroundAboveRows()
				: upload.announcedRows() > properties.backgroundAboveRows());
		if (!background) {
			run.run();
			return job;
		}
		try {
			workers.execute(new DelegatingSecurityContextRunnable(() -> {
				Locale before = LocaleContextHolder.getLocale();
				LocaleContextHolder.setLocale(labels.locale());
				try {
					run.run();
				}
				finally {
					LocaleContextHolder.setLocale(before);
				}
			}));
		}
		catch (RejectedExecutionException ex) {
			jobs.remove(job.id());
			upload.close();
			throw new ExcelRejected(HttpStatus.SERVICE_UNAVAILABLE, "excel.jobs.busy");
		}
		return job;
	}

	/** The job with {@code id} if {@code owner} started it, on this node or another. */
	public Optional<ImportJob> job(String id, String owner) {
		ImportJob job = id == null ? null : jobs.get(id);
		if (job != null) {
			return job.owner().equals(owner) ? Optional.of(job) : Optional.empty();
		}
		if (id == null || store == null || id.length() > 36) {
			return Optional.empty();
		}
		return store.find(id, owner, labels().text("excel.job.node-lost"));
	}

	/** The layout's column headers and instructions in the current language, for pages that describe the file. */
	public Labels labels() {
		return bundleLabels();
	}

	private BundleLabels bundleLabels() {
		return new BundleLabels(messages, LocaleContextHolder.getLocale());
	}

	private void purge() {
		Instant cutoff = Instant.now(clock).minus(KEEP_FINISHED);
		jobs.values().removeIf(j -> j.isFinished() && j.finishedAt() != null && j.finishedAt().isBefore(cutoff));
		if (jobs.size() >= MAX_JOBS) {
			jobs.values()
				.stream()
				.filter(ImportJob::isFinished)
				.sorted(Comparator.comparing(ImportJob::createdAt))
				.limit(jobs.size() - MAX_JOBS + 1L)
				.toList()
				.forEach(j -> jobs.remove(j.id()));
		}
	}

	@PreDestroy
	void stop() {
		if (heartbeat != null) {
			heartbeat.shutdownNow();
		}
		workers.shutdownNow();
	}

}
