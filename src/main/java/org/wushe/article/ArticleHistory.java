package org.wushe.article;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.wushe.access.CurrentUser;
import org.wushe.region.RegionCode;

/** The steps of each article (who, when, where it stood afterwards) and the warnings a submission was made with. */
@Repository
@RequiredArgsConstructor
class ArticleHistory {

	private final JdbcClient jdbc;

	/** Records a step; answers its id. */
	long add(long articleId, ArticleStep step, CurrentUser user, ArticleStatus status, RegionCode stage,
			RegionCode review, String comment, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO article_event (article_id, occurred_at, step, actor, actor_name, actor_code, to_status,
				    stage_code, review_code, comment)
				VALUES (:article, :at, :step, :actor, :name, :code, :status, :stage, :review, :comment)
				""")
			.param("article", articleId)
			.param("at", Timestamp.from(now))
			.param("step", step.name())
			.param("actor", user.getUsername())
			.param("name", user.displayName())
			.param("code", user.region().value())
			.param("status", status.name())
			.param("stage", stage.value())
			.param("review", review.value())
			.param("comment", comment)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void addFindings(long eventId, List<Finding> findings) {
		int seq = 1;
		for (Finding f : findings) {
			jdbc.sql("""
					INSERT INTO article_finding (event_id, seq, severity, kind, field, word, suggestion, note, amount,
					    range_min, range_max)
					VALUES (:event, :seq, :severity, :kind, :field, :word, :suggestion, :note, :amount, :min, :max)
					""")
				.param("event", eventId)
				.param("seq", seq++)
				.param("severity", f.severity().name())
				.param("kind", f.kind().name())
				.param("field", f.field())
				.param("word", f.word())
				.param("suggestion", f.suggestion())
				.param("note", f.note())
				.param("amount", f.count())
				.param("min", f.min())
				.param("max", f.max())
				.update();
		}
	}

	/** Deletes every step of the article with its findings. */
	void deleteOf(long articleId) {
		jdbc.sql("DELETE FROM article_finding WHERE event_id IN (SELECT id FROM article_event WHERE article_id = :id)")
			.param("id", articleId)
			.update();
		jdbc.sql("DELETE FROM article_event WHERE article_id = :id").param("id", articleId).update();
	}

	/** Every step of the article, oldest first. */
	List<HistoryEntry> of(long id) {
		record Found(long eventId, Finding.Severity severity, Finding.Kind kind, String field, String word,
				String suggestion, String note, Integer amount, Integer rangeMin, Integer rangeMax) {
		}
		Map<Long, List<Finding>> findings = new HashMap<>();
		jdbc.sql("""
				SELECT f.event_id, f.severity, f.kind, f.field, f.word, f.suggestion, f.note, f.amount, f.range_min,
				    f.range_max
				FROM article_finding f JOIN article_event e ON e.id = f.event_id
				WHERE e.article_id = :id ORDER BY f.event_id, f.seq
				""").param("id", id).query(Found.class).list().forEach(f -> findings
			.computeIfAbsent(f.eventId(), k -> new ArrayList<>())
			.add(new Finding(f.severity(), f.kind(), f.field(), f.word(), f.suggestion(), f.note(), f.amount(),
					f.rangeMin(), f.rangeMax())));
		return jdbc.sql("""
				SELECT e.id, e.occurred_at, e.step, e.actor, e.actor_name, e.actor_code, r.name AS actor_region_name,
				    e.to_status, e.stage_code, e.review_code, e.comment
				FROM article_event e LEFT JOIN region r ON r.code = e.actor_code
				WHERE e.article_id = :id ORDER BY e.id
				""")
			.param("id", id)
			.query((rs, n) -> new HistoryEntry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
					ArticleStep.valueOf(rs.getString("step")), rs.getString("actor"), rs.getString("actor_name"),
					new RegionCode(rs.getString("actor_code")), rs.getString("actor_region_name"),
					ArticleStatus.valueOf(rs.getString("to_status")), new RegionCode(rs.getString("stage_code")),
					new RegionCode(rs.getString("review_code")), rs.getString("comment"),
					findings.getOrDefault(rs.getLong("id"), List.of())))
			.list();
	}

}
