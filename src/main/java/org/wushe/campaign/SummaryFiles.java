package org.wushe.campaign;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.wushe.region.RegionCode;
import org.wushe.shared.FieldError;
import org.wushe.shared.upload.FileType;
import org.wushe.shared.upload.UploadRules;
import org.wushe.shared.upload.UploadedFile;

/**
 * The attachments of activity summaries: checks uploads (type from the bytes: PDF, Word, Excel, JPEG, PNG; Office
 * files with macros refused; size; number per unit), cleans photos of their metadata, and reads and writes the
 * {@code campaign_summary_attachment} table. Callers check campaign and unit first.
 */
@Component
class SummaryFiles {

	static final String FIELD = "attachments";

	static final List<FileType> ACCEPTED = List.of(FileType.PDF, FileType.DOCX, FileType.XLSX, FileType.JPEG,
			FileType.PNG);

	private final JdbcClient jdbc;

	private final UploadRules rules;

	SummaryFiles(JdbcClient jdbc, @Value("${wushe.campaign.attachment-max-size:10MB}") DataSize maxSize,
			@Value("${wushe.campaign.attachment-max-count:20}") int maxCount) {
		this.jdbc = jdbc;
		this.rules = new UploadRules(FIELD, "campaign.error.attachment", ACCEPTED, maxSize, maxCount);
	}

	String maxSize() {
		return rules.maxSizeText();
	}

	/** The uploads that pass; an error naming the file for each other one is added to {@code errors}. */
	List<UploadRules.Accepted> check(List<UploadedFile> uploads, int existing, List<FieldError> errors) {
		return rules.check(uploads, existing, errors);
	}

	void insert(long campaignId, RegionCode unit, int version, List<UploadRules.Accepted> files, Instant at,
			String by) {
		for (UploadRules.Accepted f : files) {
			jdbc.sql("""
					INSERT INTO campaign_summary_attachment (campaign_id, unit_code, version, file_name, content_type,
					    size_bytes, file_data, uploaded_at, uploaded_by)
					VALUES (:c, :u, :v, :name, :type, :size, :data, :at, :by)
					""")
				.param("c", campaignId)
				.param("u", unit.value())
				.param("v", version)
				.param("name", f.fileName())
				.param("type", f.type().mediaType())
				.param("size", f.bytes().length)
				.param("data", f.bytes())
				.param("at", Timestamp.from(at))
				.param("by", by)
				.update();
		}
	}

	int count(long campaignId, RegionCode unit) {
		return jdbc.sql("SELECT COUNT(*) FROM campaign_summary_attachment WHERE campaign_id = :c AND unit_code = :u")
			.param("c", campaignId)
			.param("u", unit.value())
			.query(Integer.class)
			.single();
	}

	List<SummaryAttachment> list(long campaignId, RegionCode unit, Deadline due) {
		return jdbc.sql("""
				SELECT id, campaign_id, unit_code, version, file_name, content_type, size_bytes, uploaded_at, uploaded_by
				FROM campaign_summary_attachment WHERE campaign_id = :c AND unit_code = :u ORDER BY id
				""")
			.param("c", campaignId)
			.param("u", unit.value())
			.query((rs, i) -> {
				Instant at = rs.getTimestamp(8).toInstant();
				return new SummaryAttachment(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4),
						rs.getString(5), rs.getString(6), rs.getInt(7), at, rs.getString(9), due.isOnTime(at));
			})
			.list();
	}

	/** The unit an attachment of the campaign belongs to. */
	Optional<RegionCode> unitOf(long campaignId, long id) {
		return jdbc.sql("SELECT unit_code FROM campaign_summary_attachment WHERE campaign_id = :c AND id = :id")
			.param("c", campaignId)
			.param("id", id)
			.query(String.class)
			.optional()
			.map(RegionCode::parse);
	}

	Optional<SummaryAttachment.File> file(long campaignId, long id) {
		return jdbc.sql("""
				SELECT file_name, content_type, file_data AS bytes FROM campaign_summary_attachment
				WHERE campaign_id = :c AND id = :id
				""")
			.param("c", campaignId)
			.param("id", id)
			.query(SummaryAttachment.File.class)
			.optional();
	}

}
