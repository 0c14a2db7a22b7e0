package org.wushe.campaign;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.wushe.personal.SealedValue;
import org.wushe.region.Region;
import org.wushe.region.RegionCode;

/**
 * The stored progress reports: one report per unit and deadline, its immutable versions with their frozen rows and
 * totals, and its returns. A version is never changed once written.
 */
@Repository
class ReportVersions {

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	/** For rows read in chunks (PostgreSQL streams only with a fetch size, inside a transaction). */
	private final JdbcClient streaming;

	ReportVersions(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
		JdbcTemplate chunked = new JdbcTemplate(jdbcTemplate.getDataSource());
		chunked.setFetchSize(1_000);
		this.streaming = JdbcClient.create(chunked);
	}

	/** Streams the frozen rows of a version (its id from {@link ReportVersion#id()}), in their order. */
	void forEachRow(long versionId, Consumer<ReportRow> sink) {
		streaming.sql("""
				SELECT activity_id, region_code, name, units, participants, start_date, end_date, place, content, domains,
				       beneficiaries, funds_yuan, materials_yuan, remarks
				FROM progress_report_row WHERE version_id = :id ORDER BY seq
				""").param("id", versionId).query(rs -> {
			long activity = rs.getLong("activity_id");
			Long activityId = rs.wasNull() ? null : activity;
			String domains = rs.getString("domains");
			sink.accept(new ReportRow(activityId, rs.getString("region_code"), rs.getString("name"),
					rs.getString("units"), rs.getInt("participants"), rs.getObject("start_date", LocalDate.class),
					rs.getObject("end_date", LocalDate.class), rs.getString("place"), rs.getString("content"),
					domains.isEmpty() ? List.of() : Arrays.asList(domains.split(",")), rs.getInt("beneficiaries"),
					rs.getBigDecimal("funds_yuan"), rs.getBigDecimal("materials_yuan"), rs.getString("remarks")));
		});
	}

	/**
	 * Writes the next version of the unit's report (creating the report with its first one): locks the report, then
	 * freezes {@code liveRows} with their totals, stamped on time or late. Answers the report's id. Two first
	 * submissions at once make one of them fail on the report's unique key.
	 */
	long freeze(Campaign campaign, Deadline due, RegionCode unit, String reporter, SealedValue phone, String by,
			Instant at, Supplier<List<ReportRow>> liveRows) {
		Optional<ReportHead> existing = jdbc.sql("SELECT " + ReportHead.COLUMNS + """
				 FROM progress_report
				WHERE campaign_id = :c AND deadline_no = :n AND unit_code = :u FOR UPDATE
				""")
			.param("c", campaign.id())
			.param("n", due.number())
			.param("u", unit.value())
			.query(ReportHead.class)
			.optional();
		long reportId;
		int version;
		if (existing.isEmpty()) {
			jdbc.sql("""
					INSERT INTO progress_report (campaign_id, deadline_no, unit_code, status, current_version,
					    first_submitted_at, updated_at)
					VALUES (:c, :n, :u, 'SUBMITTED', 1, :at, :at)
					""")
				.param("c", campaign.id())
				.param("n", due.number())
				.param("u", unit.value())
				.param("at", Timestamp.from(at))
				.update();
			reportId = jdbc.sql("SELECT id FROM progress_report WHERE campaign_id = :c AND deadline_no = :n AND unit_code = :u")
				.param("c", campaign.id())
				.param("n", due.number())
				.param("u", unit.value())
				.query(Long.class)
				.single();
			version = 1;
		}
		else {
			reportId = existing.get().id();
			version = existing.get().currentVersion() + 1;
			jdbc.sql("UPDATE progress_report SET status = 'RESUBMITTED', current_version = :v, updated_at = :at WHERE id = :id")
				.param("v", version)
				.param("at", Timestamp.from(at))
				.param("id", reportId)
				.update();
		}
		List<ReportRow> rows = liveRows.get();
		long versionId = insertVersion(reportId, version, due, reporter, phone, by, at, rows);
		insertRows(versionId, rows);
		return reportId;
	}

	private long insertVersion(long reportId, int version, Deadline due, String reporter, SealedValue phone,
			String by, Instant at, List<ReportRow> rows) {
		long participants = 0;
		long beneficiaries = 0;
		BigDecimal funds = BigDecimal.ZERO;
		BigDecimal materials = BigDecimal.ZERO;
		for (ReportRow r : rows) {
			participants += r.participants();
			beneficiaries += r.beneficiaries();
			funds = funds.add(r.fundsYuan());
			materials = materials.add(r.materialsYuan());
		}
		jdbc.sql("""
				INSERT INTO progress_report_version (report_id, version, submitted_at, submitted_by, reporter,
				    reporter_phone_cipher, reporter_phone_hash, reporter_phone_masked, on_time, activities, participants,
				    beneficiaries, funds_yuan, materials_yuan)
				VALUES (:r, :v, :at, :by, :reporter, :phoneCipher, :phoneHash, :phoneMasked, :onTime, :activities, :participants, :beneficiaries,
				    :funds, :materials)
				""")
			.param("r", reportId)
			.param("v", version)
			.param("at", Timestamp.from(at))
			.param("by", by)
			.param("reporter", reporter)
			.param("phoneCipher", phone == null ? null : phone.cipherText())
			.param("phoneHash", phone == null ? null : phone.searchHash())
			.param("phoneMasked", phone == null ? null : phone.masked())
			.param("onTime", due.isOnTime(at))
			.param("activities", rows.size())
			.param("participants", participants)
			.param("beneficiaries", beneficiaries)
			.param("funds", funds)
			.param("materials", materials)
			.update();
		return jdbc.sql("SELECT id FROM progress_report_version WHERE report_id = :r AND version = :v")
			.param("r", reportId)
			.param("v", version)
			.query(Long.class)
			.single();
	}

	private void insertRows(long versionId, List<ReportRow> rows) {
		List<Object[]> batch = new ArrayList<>(rows.size());
		for (int i = 0; i < rows.size(); i++) {
			ReportRow r = rows.get(i);
			batch.add(new Object[] { versionId, i + 1, r.activityId(), r.regionCode(), r.name(), r.units(),
					r.participants(), Date.valueOf(r.startDate()), Date.valueOf(r.endDate()), r.place(), r.content(),
					String.join(",", r.domains()), r.beneficiaries(), r.fundsYuan(), r.materialsYuan(),
					r.remarks() });
		}
		jdbcTemplate.batchUpdate("""
				INSERT INTO progress_report_row (version_id, seq, activity_id, region_code, name, units, participants,
				    start_date, end_date, place, content, domains, beneficiaries, funds_yuan, materials_yuan, remarks)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""", batch);
	}

	/** The unit's report for the deadline with every version and return, as it stands at {@code now}. */
	ProgressReport load(Campaign campaign, Deadline due, Region unit, Instant now) {
		Optional<ReportHead> report = jdbc.sql("SELECT " + ReportHead.COLUMNS + """
				 FROM progress_report WHERE campaign_id = :c AND deadline_no = :n AND unit_code = :u
				""")
			.param("c", campaign.id())
			.param("n", due.number())
			.param("u", unit.code().value())
			.query(ReportHead.class)
			.optional();
		if (report.isEmpty()) {
			return new ProgressReport(campaign.id(), due, unit.code(), unit.name(), ReportStatus.DRAFT,
					UnitStatus.of(due, null, now), null, List.of(), List.of());
		}
		long id = report.get().id();
		Instant first = report.get().firstSubmittedAt();
		List<ReportVersion> versions = jdbc.sql("""
				SELECT id, version, submitted_at, submitted_by, reporter, reporter_phone_masked AS reporter_phone,
				       on_time, activities, participants, beneficiaries, funds_yuan, materials_yuan
				FROM progress_report_version WHERE report_id = :r ORDER BY version
				""").param("r", id).query(ReportVersion.class).list();
		List<ReportReturn> returns = jdbc.sql("""
				SELECT version, returned_at, returned_by, reason FROM progress_report_return
				WHERE report_id = :r ORDER BY returned_at, id
				""")
			.param("r", id)
			.query(ReportReturn.class)
			.list();
		return new ProgressReport(campaign.id(), due, unit.code(), unit.name(),
				report.get().reportStatus(), UnitStatus.of(due, first, now), first, versions, returns);
	}

}
