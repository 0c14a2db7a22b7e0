package org.wushe.activity;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.dhatim.fastexcel.reader.ExcelReaderException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.InputStreamSource;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.wushe.audit.AuditTrail;
import org.wushe.campaign.Campaign;
import org.wushe.campaign.CampaignService;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionScope;
import org.wushe.shared.BusinessException;
import org.wushe.shared.InvalidInputException;
import org.wushe.shared.excel.XlsxGate;
import org.wushe.shared.Texts;

/**
 * The activity module's public API for importing a filled-in progress table (附件1). The file is checked first (type,
 * size, no macros, no zip bomb), then read as a stream and stored in JDBC batches inside one transaction, whose rollup
 * changes are folded in memory and applied once per summary row at the end. In mode {@code all} a single unreadable
 * row stores nothing; in mode {@code valid} the readable rows are stored. Either way nothing is half-stored.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ActivityImport {

	public static final int MAX_PROBLEMS = 1_000;

	static final int BATCH = 1_000;

	private static final String INSERT = """
			INSERT INTO activity (campaign_id, region_code, name, units, participants, start_date, end_date, place,
			    content, domains, beneficiaries, funds_yuan, materials_yuan, remarks, outside_window, import_id,
			    created_at, created_by, updated_at, updated_by)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			""";

	private final CampaignService campaigns;

	private final ActivityService activities;

	private final RollupWriter rollups;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate tx;

	private final AuditTrail audit;

	private final Texts texts;

	private final Clock clock;

	@Value("${wushe.activity.import.max-bytes:20971520}")
	private final long maxBytes;

	@Value("${wushe.activity.import.max-inflated-bytes:419430400}")
	private final long maxInflatedBytes;

	@Value("${wushe.activity.import.max-rows:200000}")
	private final int maxRows;

	/**
	 * Imports a workbook's rows as activities of a campaign, recorded at {@code regionCode}.
	 *
	 * @param mode {@code all} (all or nothing, the default) or {@code valid} (readable rows only)
	 */
	public ImportResult importTable(RegionScope scope, long campaignId, String regionCode, String mode,
			InputStreamSource file, long size, String filename, String by) {
		Campaign campaign = campaigns.get(scope, campaignId);
		boolean validOnly = mode(mode);
		if (regionCode == null || !RegionCode.isValid(regionCode)) {
			throw InvalidInputException.of("regionCode", "region.error.malformed", String.valueOf(regionCode));
		}
		RegionCode region = RegionCode.parse(regionCode);
		activities.checkRegion(scope, campaign, region, "regionCode");
		if (file == null || size <= 0) {
			throw InvalidInputException.of("file", "activity.import.file-missing");
		}
		if (size > maxBytes) {
			throw tooLarge();
		}
		Path copy = null;
		try {
			copy = copy(file);
			checkFile(copy, filename);
			return store(campaign, region, validOnly, copy, by);
		}
		finally {
			if (copy != null) {
				try {
					Files.deleteIfExists(copy);
				}
				catch (IOException ex) {
					copy.toFile().deleteOnExit();
				}
			}
		}
	}

	private ImportResult store(Campaign campaign, RegionCode region, boolean validOnly, Path workbook, String by) {
		String importId = UUID.randomUUID().toString();
		try {
			return tx.execute(status -> {
				Run run = new Run(campaign, region, importId, by, validOnly);
				try {
					new ProgressTableReader(region, campaign.startDate().getYear(), maxRows).read(workbook.toFile(), run);
				}
				catch (IOException | ExcelReaderException ex) {
					throw new ProgressTableReader.WrongLayout("activity.import.unreadable");
				}
				run.flush();
				if (!validOnly && run.rejectedRows > 0) {
					status.setRollbackOnly();
					return new ImportResult(0, run.rejectedRows, run.problems, run.truncated);
				}
				if (run.imported > 0) {
					// audit first, as every single write does: whatever the audit's listeners lock comes before the
					// summary rows, in every transaction alike
					audit.record("activity.import", ActivityService.ENTITY, importId, region);
					rollups.apply(run.changes);
				}
				return new ImportResult(run.imported, run.rejectedRows, run.problems, run.truncated);
			});
		}
		catch (ProgressTableReader.WrongLayout ex) {
			if (!ex.missing().isEmpty()) {
				List<String> names = ex.missing().stream().map(c -> texts.get(c.columnKey())).toList();
				throw InvalidInputException.of("file", ex.messageKey(),
						String.join(texts.get("activity.table.domain-separator"), names));
			}
			throw InvalidInputException.of("file", ex.messageKey(), ex.args());
		}
	}

	/** Copies the upload to a temporary file, refusing it as soon as it grows beyond the limit. */
	private Path copy(InputStreamSource file) {
		try {
			Path copy = Files.createTempFile("wushe-import-", ".xlsx");
			try (InputStream in = file.getInputStream(); OutputStream out = Files.newOutputStream(copy)) {
				byte[] buffer = new byte[64 * 1024];
				long total = 0;
				int n;
				while ((n = in.read(buffer)) > 0) {
					total += n;
					if (total > maxBytes) {
						Files.deleteIfExists(copy);
						throw tooLarge();
					}
					out.write(buffer, 0, n);
				}
			}
			return copy;
		}
		catch (IOException ex) {
			throw InvalidInputException.of("file", "activity.import.unreadable");
		}
	}

	private BusinessException tooLarge() {
		return new BusinessException(HttpStatus.PAYLOAD_TOO_LARGE, "activity.import.too-large",
				String.valueOf(maxBytes / 1024 / 1024));
	}

	/** The rows of one import: batches of inserts and the folded rollup changes. */
	private final class Run implements ProgressTableReader.Sink {

		final Campaign campaign;

		final RegionCode region;

		final String importId;

		final String by;

		final boolean validOnly;

		final Timestamp now;

		final RollupWriter.Changes changes = rollups.changes();

		final List<Object[]> batch = new ArrayList<>(BATCH);

		final List<ImportResult.Problem> problems = new ArrayList<>();

		int imported;

		int rejectedRows;

		boolean truncated;

		Run(Campaign campaign, RegionCode region, String importId, String by, boolean validOnly) {
			this.campaign = campaign;
			this.region = region;
			this.importId = importId;
			this.by = by;
			this.validOnly = validOnly;
			this.now = Timestamp.from(Instant.now(clock));
		}

		@Override
		public void accept(int row, ActivityValues v) {
			if (!validOnly && rejectedRows > 0) {
				// all or nothing, and something is already wrong: only keep looking for problems
				return;
			}
			boolean outside = !campaign.isWithinWindow(v.dates().start()) || !campaign.isWithinWindow(v.dates().end());
			batch.add(new Object[] { campaign.id(), region.value(), v.name(), v.units(), v.participants(),
					Date.valueOf(v.dates().start()), Date.valueOf(v.dates().end()), v.place(), v.content(),
					ServiceDomain.mask(v.domains()), v.beneficiaries(), v.funds().amount(), v.materials().amount(),
					v.remarks(), outside, importId, now, by, now, by });
			changes.add(v.contribution(campaign.id()), 1);
			imported++;
			if (batch.size() >= BATCH) {
				flush();
			}
		}

		@Override
		public void reject(int row, List<ProgressTableReader.Problem> found) {
			rejectedRows++;
			for (ProgressTableReader.Problem p : found) {
				if (problems.size() >= MAX_PROBLEMS) {
					truncated = true;
					return;
				}
				problems.add(new ImportResult.Problem(p.row(), p.column(), texts.get("activity.import.problem",
						String.valueOf(p.row()), p.column(), p.header().columnKey(), texts.get(p.messageKey(), p.args()))));
			}
		}

		void flush() {
			if (!batch.isEmpty()) {
				jdbc.batchUpdate(INSERT, batch);
				batch.clear();
			}
		}

	}

	private static boolean mode(String mode) {
		String m = mode == null ? "all" : mode.strip().toLowerCase(Locale.ROOT);
		return switch (m) {
			case "", "all" -> false;
			case "valid" -> true;
			default -> throw InvalidInputException.of("mode", "activity.import.mode", mode);
		};
	}

	/**
	 * Refuses what is no plain .xlsx workbook before reading it: the old .xls format or an encrypted file, anything
	 * that is no zip, macro-enabled workbooks, and archives that inflate beyond reason.
	 */
	void checkFile(Path workbook, String filename) {
		try {
			XlsxGate.checkName(filename);
			XlsxGate.checkContent(workbook, maxInflatedBytes);
		}
		catch (XlsxGate.Refused ex) {
			throw switch (ex.problem()) {
				case MACROS -> InvalidInputException.of("file", "activity.import.macros");
				case OLD_FORMAT -> InvalidInputException.of("file", "activity.import.old-format");
				case TOO_LARGE_INFLATED ->
					new BusinessException(HttpStatus.PAYLOAD_TOO_LARGE, "activity.import.too-large-inflated");
				case CORRUPT -> InvalidInputException.of("file", "activity.import.unreadable");
				default -> InvalidInputException.of("file", "activity.import.wrong-type");
			};
		}
	}

}
