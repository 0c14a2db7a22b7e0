package org.wushe.article;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.wushe.access.CurrentUser;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionScope;
import org.wushe.shared.BusinessException;
import org.wushe.shared.upload.UploadRules;

/**
 * The article tables: articles and their images. Reads name the region scope as a bound code range; every change of
 * an article checks its lock version and answers a conflict when someone else changed it since it was read.
 */
@Repository
@RequiredArgsConstructor
class Articles {

	private static final String COLUMNS = """
			a.id, a.region_code, r.name AS region_name, a.campaign_id, a.activity_id, a.title, %s AS body,
			a.text_length, a.event_date, a.event_place, a.service_objects, a.attendees, a.status, a.stage_code,
			a.review_code, rv.name AS review_name, a.submitted_at, a.approved_at, a.approved_code, a.recommended_at,
			a.published_at, a.published_by, a.published_code, a.created_at, a.created_by, a.updated_at, a.updated_by,
			a.lock_version""";

	private static final String FROM = """
			FROM article a LEFT JOIN region r ON r.code = a.region_code LEFT JOIN region rv ON rv.code = a.review_code""";

	private final JdbcClient jdbc;

	/** Inserts a new draft of {@code unit} with the checked fields; answers its id. */
	long insert(Map<String, Object> fields, RegionCode unit, Instant now, String by) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO article (region_code, campaign_id, activity_id, title, body, text_length, event_date,
				    event_place, service_objects, attendees, status, stage_code, review_code, created_at, created_by,
				    updated_at, updated_by, lock_version)
				VALUES (:region, :campaign, :activity, :title, :body, :length, :eventDate, :place, :objects,
				    :attendees, 'DRAFT', :region, :review, :now, :by, :now, :by, 0)
				""")
			.params(fields)
			.param("region", unit.value())
			.param("review", unit.parent().value())
			.param("now", Timestamp.from(now))
			.param("by", by)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	/** Changes the fields of {@code article}, unless someone else changed it since it was read. */
	void update(Article article, Map<String, Object> fields, Instant now, String by) {
		int changed = jdbc.sql("""
				UPDATE article SET campaign_id = :campaign, activity_id = :activity, title = :title, body = :body,
				    text_length = :length, event_date = :eventDate, event_place = :place, service_objects = :objects,
				    attendees = :attendees, updated_at = :now, updated_by = :by, lock_version = lock_version + 1
				WHERE id = :id AND lock_version = :version
				""")
			.params(fields)
			.param("now", Timestamp.from(now))
			.param("by", by)
			.param("id", article.id())
			.param("version", article.lockVersion())
			.update();
		requireChanged(changed);
	}

	/** Moves the article on, unless someone else changed it since it was read. */
	void transition(Article article, ArticleStatus status, RegionCode stage, RegionCode review, String extra,
			Instant now, CurrentUser user) {
		int changed = jdbc.sql("""
				UPDATE article SET status = :status, stage_code = :stage, review_code = :review, %s,
				    updated_at = :now, updated_by = :by, lock_version = lock_version + 1
				WHERE id = :id AND lock_version = :version
				""".formatted(extra))
			.param("status", status.name())
			.param("stage", stage.value())
			.param("review", review.value())
			.param("now", Timestamp.from(now))
			.param("by", user.getUsername())
			.param("publisher", user.region().value())
			.param("id", article.id())
			.param("version", article.lockVersion())
			.update();
		requireChanged(changed);
	}

	/** Deletes the article with its images (its history first, by the caller), unless it changed since read. */
	void delete(Article article) {
		jdbc.sql("DELETE FROM article_image WHERE article_id = :id").param("id", article.id()).update();
		int deleted = jdbc.sql("DELETE FROM article WHERE id = :id AND lock_version = :version")
			.param("id", article.id())
			.param("version", article.lockVersion())
			.update();
		requireChanged(deleted);
	}

	private static void requireChanged(int changed) {
		if (changed == 0) {
			throw BusinessException.conflict("article.error.changed");
		}
	}

	// ------------------------------------------------------------------ images

	void insertImages(long articleId, int firstSeq, List<UploadRules.Accepted> images, Instant now) {
		int seq = firstSeq;
		for (UploadRules.Accepted image : images) {
			jdbc.sql("""
					INSERT INTO article_image (article_id, seq, file_name, content_type, size_bytes, image_data,
					    created_at)
					VALUES (:article, :seq, :name, :type, :size, :data, :now)
					""")
				.param("article", articleId)
				.param("seq", seq++)
				.param("name", image.fileName())
				.param("type", image.type().mediaType())
				.param("size", image.bytes().length)
				.param("data", image.bytes())
				.param("now", Timestamp.from(now))
				.update();
		}
	}

	void deleteImages(long articleId, List<Long> imageIds) {
		if (!imageIds.isEmpty()) {
			jdbc.sql("DELETE FROM article_image WHERE article_id = :id AND id IN (:ids)")
				.param("id", articleId)
				.param("ids", imageIds)
				.update();
		}
	}

	private List<ArticleImage> images(long articleId) {
		return jdbc.sql("""
				SELECT id, seq, file_name, content_type, size_bytes FROM article_image
				WHERE article_id = :id ORDER BY seq, id
				""")
			.param("id", articleId)
			.query(ArticleImage.class)
			.list();
	}

	ImageFile imageFile(long articleId, long imageId) {
		return jdbc.sql("""
				SELECT file_name, content_type, image_data AS bytes FROM article_image WHERE id = :image AND article_id = :id
				""")
			.param("image", imageId)
			.param("id", articleId)
			.query(ImageFile.class)
			.optional()
			.orElseThrow(() -> BusinessException.notFound("article.error.image-not-found", String.valueOf(imageId)));
	}

	// ------------------------------------------------------------------ reading

	/** The article if the user may see it: its unit lies in the scope, and drafts only for their own unit. */
	Optional<Article> find(CurrentUser user, long id) {
		RegionScope scope = user.scope();
		return jdbc.sql("""
				SELECT %s %s
				WHERE a.id = :id AND a.region_code >= :from AND a.region_code < :to
				  AND (a.status <> 'DRAFT' OR a.region_code = :mine)
				""".formatted(COLUMNS.formatted("a.body"), FROM))
			.param("id", id)
			.param("from", scope.from())
			.param("to", scope.to())
			.param("mine", user.region().value())
			.query(Articles::map)
			.optional()
			.map(a -> a.withImages(images(a.id())));
	}

	/** Articles for a list (bodies left out) in {@code scope}, newest change first. */
	List<Article> list(CurrentUser user, RegionScope scope, ArticleQuery query) {
		return jdbc.sql("""
				SELECT %s %s
				WHERE a.region_code >= :from AND a.region_code < :to
				  AND (a.status <> 'DRAFT' OR a.region_code = :mine)
				  AND (:view <> 'MINE' OR a.region_code = :mine)
				  AND (:view <> 'REVIEW' OR (a.review_code = :mine AND a.status IN ('SUBMITTED', 'APPROVED')))
				  AND (:status = '' OR a.status = :status)
				  AND (:campaign = 0 OR a.campaign_id = :campaign)
				  AND (:published = 0 OR (:published = 1 AND a.published_at IS NOT NULL)
				       OR (:published = 2 AND a.published_at IS NULL))
				ORDER BY a.updated_at DESC, a.id DESC
				LIMIT :limit OFFSET :offset
				""".formatted(COLUMNS.formatted("''"), FROM))
			.param("from", scope.from())
			.param("to", scope.to())
			.param("mine", user.region().value())
			.param("view", query.view().name())
			.param("status", query.status() == null ? "" : query.status().name())
			.param("campaign", query.campaignId() == null ? 0L : query.campaignId())
			.param("published", query.published() == null ? 0 : query.published() ? 1 : 2)
			.param("limit", query.size())
			.param("offset", query.offset())
			.query(Articles::map)
			.list();
	}

	/** Published articles of the units inside {@code root}, newest first (bodies left out). */
	List<Article> published(RegionCode root, int offset, int size) {
		return jdbc.sql("""
				SELECT %s %s
				WHERE a.published_at IS NOT NULL AND a.region_code >= :from AND a.region_code < :to
				ORDER BY a.published_at DESC, a.id DESC
				LIMIT :limit OFFSET :offset
				""".formatted(COLUMNS.formatted("''"), FROM))
			.param("from", root.subtreeFrom())
			.param("to", root.subtreeTo())
			.param("limit", size)
			.param("offset", offset)
			.query(Articles::map)
			.list();
	}

	/** A published article with its images. */
	Optional<Article> findPublished(long id) {
		return jdbc.sql("""
				SELECT %s %s WHERE a.id = :id AND a.published_at IS NOT NULL
				""".formatted(COLUMNS.formatted("a.body"), FROM))
			.param("id", id)
			.query(Articles::map)
			.optional()
			.map(a -> a.withImages(images(a.id())));
	}

	private static Long longOrNull(ResultSet rs, String column) throws SQLException {
		long v = rs.getLong(column);
		return rs.wasNull() ? null : v;
	}

	private static RegionCode code(ResultSet rs, String column) throws SQLException {
		String v = rs.getString(column);
		return v == null ? null : new RegionCode(v);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

	static Article map(ResultSet rs, int n) throws SQLException {
		return new Article(rs.getLong("id"), code(rs, "region_code"), rs.getString("region_name"),
				longOrNull(rs, "campaign_id"), longOrNull(rs, "activity_id"), rs.getString("title"),
				rs.getString("body"), rs.getInt("text_length"), rs.getObject("event_date", LocalDate.class),
				rs.getString("event_place"), rs.getString("service_objects"), rs.getString("attendees"),
				ArticleStatus.valueOf(rs.getString("status")), code(rs, "stage_code"), code(rs, "review_code"),
				rs.getString("review_name"), instant(rs, "submitted_at"), instant(rs, "approved_at"),
				code(rs, "approved_code"), instant(rs, "recommended_at"), instant(rs, "published_at"),
				rs.getString("published_by"), code(rs, "published_code"), instant(rs, "created_at"),
				rs.getString("created_by"), instant(rs, "updated_at"), rs.getString("updated_by"),
				rs.getInt("lock_version"), List.of());
	}

}
