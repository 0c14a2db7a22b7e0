package org.wushe.activity;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.wushe.region.RegionCode;
import org.wushe.shared.FieldError;
import org.wushe.shared.InvalidInputException;
import org.wushe.shared.upload.FileType;
import org.wushe.shared.upload.UploadRules;
import org.wushe.shared.upload.UploadedFile;

/**
 * The photos of activities: checks uploads (type from the bytes, size, count), cleans them of metadata, and reads
 * and writes the {@code activity_photo} table. Callers check the scope of the activity first.
 */
@Component
class PhotoStore {

	static final String FIELD = "photos";

	private final JdbcClient jdbc;

	private final UploadRules rules;

	PhotoStore(JdbcClient jdbc, @Value("${wushe.activity.photo-max-size:5MB}") DataSize maxSize,
			@Value("${wushe.activity.photo-max-count:20}") int maxCount) {
		this.jdbc = jdbc;
		this.rules = new UploadRules(FIELD, "activity.error.photo", FileType.IMAGES, maxSize, maxCount);
	}

	String maxSize() {
		return rules.maxSizeText();
	}

	/**
	 * Checks uploads for an activity that has {@code existing} photos; empty file inputs are skipped. Throws
	 * {@link InvalidInputException} on the field {@code photos}, naming each bad file; nothing is stored then.
	 */
	List<UploadRules.Accepted> check(List<UploadedFile> uploads, int existing) {
		List<FieldError> errors = new ArrayList<>();
		List<UploadRules.Accepted> result = rules.check(uploads, existing, errors);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return result;
	}

	void insert(long activityId, RegionCode region, List<UploadRules.Accepted> photos, Instant at, String by) {
		for (UploadRules.Accepted p : photos) {
			jdbc.sql("""
					INSERT INTO activity_photo (activity_id, region_code, file_name, content_type, size_bytes,
					    image_data, thumbnail, created_at, created_by)
					VALUES (:activity, :region, :name, :type, :size, :data, :thumb, :at, :by)
					""")
				.param("activity", activityId)
				.param("region", region.value())
				.param("name", p.fileName())
				.param("type", p.type().mediaType())
				.param("size", p.bytes().length)
				.param("data", p.bytes())
				.param("thumb", p.thumbnail())
				.param("at", Timestamp.from(at))
				.param("by", by)
				.update();
		}
	}

	int count(long activityId) {
		return jdbc.sql("SELECT COUNT(*) FROM activity_photo WHERE activity_id = :a")
			.param("a", activityId)
			.query(Integer.class)
			.single();
	}

	List<ActivityPhoto> list(long activityId) {
		return jdbc.sql("""
				SELECT id, activity_id, file_name, content_type, size_bytes, created_at, created_by
				FROM activity_photo WHERE activity_id = :a ORDER BY id
				""")
			.param("a", activityId)
			.query(ActivityPhoto.class)
			.list();
	}

	Optional<ActivityPhoto.File> file(long activityId, long photoId, boolean thumbnail) {
		return jdbc.sql("SELECT file_name, content_type, " + (thumbnail ? "thumbnail" : "image_data")
				+ " AS bytes FROM activity_photo WHERE id = :p AND activity_id = :a")
			.param("p", photoId)
			.param("a", activityId)
			.query(ActivityPhoto.File.class)
			.optional();
	}

	boolean delete(long activityId, long photoId) {
		return jdbc.sql("DELETE FROM activity_photo WHERE id = :p AND activity_id = :a")
			.param("p", photoId)
			.param("a", activityId)
			.update() > 0;
	}

}
