package org.wushe.article;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.access.CurrentUser;
import org.wushe.access.Permissions;
import org.wushe.activity.Activity;
import org.wushe.activity.ActivityService;
import org.wushe.audit.AuditTrail;
import org.wushe.campaign.CampaignService;
import org.wushe.region.Region;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionLevel;
import org.wushe.region.RegionScope;
import org.wushe.region.Regions;
import org.wushe.shared.BusinessException;
import org.wushe.shared.FieldError;
import org.wushe.shared.InvalidInputException;
import org.wushe.shared.upload.UploadRules;
import org.wushe.shared.upload.UploadedFile;

/**
 * The article module's public API: a unit writes, checks and submits articles; the level above reviews them and may
 * recommend them further up; any level publishes approved ones. Users see the articles of the units in their scope
 * (drafts only their own unit's); anything else answers 404 as if it did not exist. Every write is audited in its
 * transaction, and every step of the review is kept in the article's history.
 */
@Service
public class ArticleService {

	static final String ENTITY = "article";

	static final int MAX_TITLE = 100;

	static final int MAX_BODY_HTML = 60_000;

	static final int MAX_PLACE = 200;

	static final int MAX_SERVICE_OBJECTS = 200;

	static final int MAX_ATTENDEES = 500;

	static final int MAX_COMMENT = 1000;

	private static final String COLUMNS = """
			a.id, a.region_code, r.name AS region_name, a.campaign_id, a.activity_id, a.title, %s AS body,
			a.text_length, a.event_date, a.event_place, a.service_objects, a.attendees, a.status, a.stage_code,
			a.review_code, rv.name AS review_name, a.submitted_at, a.approved_at, a.approved_code, a.recommended_at,
			a.published_at, a.published_by, a.published_code, a.created_at, a.created_by, a.updated_at, a.updated_by,
			a.lock_version""";

	private static final String FROM = """
			FROM article a LEFT JOIN region r ON r.code = a.region_code LEFT JOIN region rv ON rv.code = a.review_code""";

	private final JdbcClient jdbc;

	private final CampaignService campaigns;

	private final ActivityService activities;

	private final Regions regions;

	private final ArticleWords words;

	private final ArticleProperties rules;

	private final AuditTrail audit;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	ArticleService(JdbcClient jdbc, CampaignService campaigns, ActivityService activities, Regions regions,
			ArticleWords words, ArticleProperties rules, AuditTrail audit, Clock clock,
			ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
		this.campaigns = campaigns;
		this.activities = activities;
		this.regions = regions;
		this.words = words;
		this.rules = rules;
		this.audit = audit;
		this.clock = clock;
	}

	/** Rich text as it may be shown: only the allowed elements, no attributes, no scripts. */
	public static String sanitize(String html) {
		return RichText.sanitize(html);
	}

	/** The rules in force: length range and image limits. */
	public int lengthMin() {
		return rules.lengthMin();
	}

	public int lengthMax() {
		return rules.lengthMax();
	}

	public int imageMaxCount() {
		return rules.imageMaxCount();
	}

	public long imageMaxBytes() {
		return rules.imageMaxSize().toBytes();
	}

	// ------------------------------------------------------------------ writing (the unit)

	/** Saves a new draft of the user's unit, with its images, in one transaction. */
	@Transactional
	public Article create(CurrentUser user, ArticleInput input, List<UploadedFile> uploads) {
		requirePermission(user, Permissions.ARTICLE_SUBMIT);
		RegionCode unit = user.region();
		if (unit.isCountry()) {
			throw BusinessException.forbidden("article.error.no-level-above");
		}
		Valid v = validate(user, input, uploads, List.of());
		Instant now = Instant.now(clock);
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO article (region_code, campaign_id, activity_id, title, body, text_length, event_date,
				    event_place, service_objects, attendees, status, stage_code, review_code, created_at, created_by,
				    updated_at, updated_by, lock_version)
				VALUES (:region, :campaign, :activity, :title, :body, :length, :eventDate, :place, :objects,
				    :attendees, 'DRAFT', :region, :review, :now, :by, :now, :by, 0)
				""")
			.params(v.params())
			.param("region", unit.value())
			.param("review", unit.parent().value())
			.param("now", Timestamp.from(now))
			.param("by", user.getUsername())
			.update(keys, "id");
		long id = keys.getKey().longValue();
		insertImages(id, 1, v.images(), now);
		addEvent(id, ArticleStep.CREATE, user, ArticleStatus.DRAFT, unit, unit.parent(), null, now);
		audit.record("article.create", ENTITY, id, unit);
		return get(user, id);
	}

	/** Changes a draft or returned article of the user's unit: fields, images dropped and images added. */
	@Transactional
	public Article update(CurrentUser user, long id, ArticleInput input, List<UploadedFile> uploads) {
		Article article = editable(user, id);
		Valid v = validate(user, input, uploads, article.images());
		Instant now = Instant.now(clock);
		int changed = jdbc.sql("""
				UPDATE article SET campaign_id = :campaign, activity_id = :activity, title = :title, body = :body,
				    text_length = :length, event_date = :eventDate, event_place = :place, service_objects = :objects,
				    attendees = :attendees, updated_at = :now, updated_by = :by, lock_version = lock_version + 1
				WHERE id = :id AND lock_version = :version
				""")
			.params(v.params())
			.param("now", Timestamp.from(now))
			.param("by", user.getUsername())
			.param("id", id)
			.param("version", article.lockVersion())
			.update();
		if (changed == 0) {
			throw BusinessException.conflict("article.error.changed");
		}
		if (!v.removeImageIds().isEmpty()) {
			jdbc.sql("DELETE FROM article_image WHERE article_id = :id AND id IN (:ids)")
				.param("id", id)
				.param("ids", v.removeImageIds())
				.update();
		}
		int nextSeq = article.images().stream().mapToInt(ArticleImage::seq).max().orElse(0) + 1;
		insertImages(id, nextSeq, v.images(), now);
		audit.record("article.update", ENTITY, id, article.region());
		return get(user, id);
	}

	/**
	 * Submits a draft (to the level above the unit) or resubmits a returned article (to the level that returned it).
	 * Errors of the check refuse it; its warnings are recorded with the submission.
	 */
	@Transactional
	public Article submit(CurrentUser user, long id) {
		Article article = editable(user, id);
		CheckReport report = check(user.scope(), article);
		if (report.hasErrors()) {
			throw new InvalidInputException(report.fieldErrors());
		}
		boolean first = article.status() == ArticleStatus.DRAFT;
		RegionCode stage = first ? article.region() : article.stage();
		RegionCode review = first ? article.region().parent() : article.review();
		Instant now = Instant.now(clock);
		transition(article, ArticleStatus.SUBMITTED, stage, review, """
				submitted_at = COALESCE(submitted_at, :now)""", now, user);
		long event = addEvent(id, first ? ArticleStep.SUBMIT : ArticleStep.RESUBMIT, user, ArticleStatus.SUBMITTED,
				stage, review, null, now);
		addFindings(event, report.findings());
		audit.record("article.submit", ENTITY, id, article.region());
		return get(user, id);
	}

	/**
	 * Deletes an article for good, with its images and history: only its author, only while it is with its unit
	 * (a draft, or returned for changes), never while it is submitted, approved or published. The deletion is
	 * audited in the same transaction.
	 */
	@Transactional
	public void delete(CurrentUser user, long id) {
		Article article = editable(user, id);
		if (!isDeletableBy(article, user)) {
			throw BusinessException.forbidden("article.error.not-author");
		}
		jdbc.sql("DELETE FROM article_finding WHERE event_id IN (SELECT id FROM article_event WHERE article_id = :id)")
			.param("id", id)
			.update();
		jdbc.sql("DELETE FROM article_event WHERE article_id = :id").param("id", id).update();
		jdbc.sql("DELETE FROM article_image WHERE article_id = :id").param("id", id).update();
		int deleted = jdbc.sql("DELETE FROM article WHERE id = :id AND lock_version = :version")
			.param("id", id)
			.param("version", article.lockVersion())
			.update();
		if (deleted == 0) {
			throw BusinessException.conflict("article.error.changed");
		}
		audit.record("article.delete", ENTITY, id, article.region());
	}

	/** Whether {@code user} may delete the article: its author, in its unit, while the unit holds it. */
	public static boolean isDeletableBy(Article article, CurrentUser user) {
		return user.can(Permissions.ARTICLE_SUBMIT) && article.region().equals(user.region())
				&& article.status().isEditable() && !article.isPublished()
				&& user.getUsername().equals(article.createdBy());
	}

	/** The 附件2 check of unsaved editor content; {@code newImages} are files chosen but not yet uploaded. */
	public CheckReport check(CurrentUser user, ArticleInput input, int newImages, Long articleId) {
		int images = Math.max(newImages, 0);
		if (articleId != null) {
			Optional<Article> existing = find(user, articleId);
			if (existing.isPresent()) {
				Set<Long> removed = new HashSet<>(input.removeImageIds());
				images += (int) existing.get().images().stream().filter(i -> !removed.contains(i.id())).count();
			}
		}
		String body = RichText.plainText(input.bodyHtml());
		boolean campaign = input.campaignId() != null && campaigns.find(user.scope(), input.campaignId()).isPresent();
		boolean date = input.eventDate() != null && !input.eventDate().isBlank();
		return ArticleChecks.check(new ArticleChecks.Content(strip(input.title()), body, date,
				strip(input.eventPlace()), strip(input.serviceObjects()), strip(input.attendees()), campaign, images),
				words.matcher(), rules);
	}

	/** The 附件2 check of a stored article the user can see. */
	public CheckReport check(CurrentUser user, long id) {
		return check(user.scope(), get(user, id));
	}

	private CheckReport check(RegionScope scope, Article a) {
		boolean campaign = a.campaignId() != null && campaigns.find(scope, a.campaignId()).isPresent();
		return ArticleChecks.check(new ArticleChecks.Content(a.title(), RichText.plainText(a.body()),
				a.eventDate() != null, a.eventPlace(), a.serviceObjects(), a.attendees(), campaign, a.images().size()),
				words.matcher(), rules);
	}

	// ------------------------------------------------------------------ review (the levels above)

	/** The review region approves a submitted article. */
	@Transactional
	public Article approve(CurrentUser user, long id, String comment) {
		Article article = waitingFor(user, id, ArticleStatus.SUBMITTED);
		String c = comment(comment, false);
		Instant now = Instant.now(clock);
		transition(article, ArticleStatus.APPROVED, article.stage(), article.review(), """
				approved_at = COALESCE(approved_at, :now), approved_code = review_code""", now, user);
		addEvent(id, ArticleStep.APPROVE, user, ArticleStatus.APPROVED, article.stage(), article.review(), c, now);
		audit.record("article.approve", ENTITY, id, article.region());
		events.publishEvent(new ArticleReviewed(id, article.title(), article.region().value(), ArticleStep.APPROVE, c));
		return get(user, id);
	}

	/**
	 * The review region sends a submitted (or approved, not yet recommended) article back to its unit with a
	 * comment. A returned article is taken off the public page until it is approved again.
	 */
	@Transactional
	public Article returnToUnit(CurrentUser user, long id, String comment) {
		Article article = waitingFor(user, id, null);
		String c = comment(comment, true);
		Instant now = Instant.now(clock);
		transition(article, ArticleStatus.RETURNED, article.stage(), article.review(), """
				published_at = NULL, published_by = NULL, published_code = NULL""", now, user);
		addEvent(id, ArticleStep.RETURN, user, ArticleStatus.RETURNED, article.stage(), article.review(), c, now);
		audit.record("article.return", ENTITY, id, article.region());
		events.publishEvent(new ArticleReviewed(id, article.title(), article.region().value(), ArticleStep.RETURN, c));
		return get(user, id);
	}

	/** The review region recommends an article it approved to the next level up, which reviews it again. */
	@Transactional
	public Article recommend(CurrentUser user, long id, String comment) {
		Article article = waitingFor(user, id, ArticleStatus.APPROVED);
		if (article.review().isCountry()) {
			throw BusinessException.conflict("article.error.top-level");
		}
		String c = comment(comment, false);
		Instant now = Instant.now(clock);
		RegionCode stage = article.review();
		RegionCode review = stage.parent();
		transition(article, ArticleStatus.SUBMITTED, stage, review, """
				recommended_at = COALESCE(recommended_at, :now)""", now, user);
		addEvent(id, ArticleStep.RECOMMEND, user, ArticleStatus.SUBMITTED, stage, review, c, now);
		audit.record("article.recommend", ENTITY, id, article.region());
		return get(user, id);
	}

	/** Any level whose scope holds the article publishes it once it is approved. */
	@Transactional
	public Article publish(CurrentUser user, long id, String comment) {
		requirePermission(user, Permissions.ARTICLE_PUBLISH);
		Article article = get(user, id);
		if (!article.isPublishable()) {
			throw BusinessException.conflict("article.error.not-approved");
		}
		if (article.isPublished()) {
			throw BusinessException.conflict("article.error.already-published");
		}
		String c = comment(comment, false);
		Instant now = Instant.now(clock);
		transition(article, article.status(), article.stage(), article.review(), """
				published_at = :now, published_by = :by, published_code = :publisher""", now, user);
		addEvent(id, ArticleStep.PUBLISH, user, article.status(), article.stage(), article.review(), c, now);
		audit.record("article.publish", ENTITY, id, article.region());
		return get(user, id);
	}

	/** The publishing region (or one above it) takes an article off the public page. */
	@Transactional
	public Article unpublish(CurrentUser user, long id, String comment) {
		requirePermission(user, Permissions.ARTICLE_PUBLISH);
		Article article = get(user, id);
		if (!article.isPublished()) {
			throw BusinessException.conflict("article.error.not-published");
		}
		if (!user.region().contains(article.publishedRegion())) {
			throw BusinessException.forbidden("article.error.not-your-publication");
		}
		String c = comment(comment, false);
		Instant now = Instant.now(clock);
		transition(article, article.status(), article.stage(), article.review(), """
				published_at = NULL, published_by = NULL, published_code = NULL""", now, user);
		addEvent(id, ArticleStep.UNPUBLISH, user, article.status(), article.stage(), article.review(), c, now);
		audit.record("article.unpublish", ENTITY, id, article.region());
		return get(user, id);
	}

	// ------------------------------------------------------------------ reading

	/** The article if the user may see it: its unit lies in the scope, and drafts only for their own unit. */
	public Optional<Article> find(CurrentUser user, long id) {
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
			.query(ArticleService::map)
			.optional()
			.map(a -> a.withImages(images(a.id())));
	}

	public Article get(CurrentUser user, long id) {
		return find(user, id).orElseThrow(() -> BusinessException.notFound("article.error.unknown", String.valueOf(id)));
	}

	/** Articles for a list (bodies left out), newest change first. */
	public List<Article> list(CurrentUser user, ArticleQuery query) {
		RegionScope scope = within(user.scope(), query.region());
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
			.query(ArticleService::map)
			.list();
	}

	/**
	 * What waits for {@code user} among articles: the unit's own returned articles and drafts (with the permission to
	 * submit), and the articles waiting at the user's region for a review (with the permission to review).
	 */
	public ArticleToDo toDo(CurrentUser user) {
		boolean writes = user.can(Permissions.ARTICLE_SUBMIT);
		boolean reviews = user.can(Permissions.ARTICLE_REVIEW);
		if (!writes && !reviews) {
			return new ArticleToDo(0, 0, 0);
		}
		return jdbc.sql("""
				SELECT COALESCE(SUM(CASE WHEN region_code = :mine AND status = 'RETURNED' THEN 1 ELSE 0 END), 0),
				       COALESCE(SUM(CASE WHEN region_code = :mine AND status = 'DRAFT' THEN 1 ELSE 0 END), 0),
				       COALESCE(SUM(CASE WHEN review_code = :mine AND status = 'SUBMITTED' THEN 1 ELSE 0 END), 0)
				FROM article
				WHERE region_code >= :from AND region_code < :to
				""")
			.param("mine", user.region().value())
			.param("from", user.scope().from())
			.param("to", user.scope().to())
			.query((rs, n) -> new ArticleToDo(writes ? rs.getLong(1) : 0, writes ? rs.getLong(2) : 0,
					reviews ? rs.getLong(3) : 0))
			.single();
	}

	/** Every step of an article the user can see, oldest first. */
	public List<HistoryEntry> history(CurrentUser user, long id) {
		get(user, id);
		Map<Long, List<Finding>> findings = new HashMap<>();
		jdbc.sql("""
				SELECT f.event_id, f.severity, f.kind, f.field, f.word, f.suggestion, f.note, f.amount, f.range_min,
				    f.range_max
				FROM article_finding f JOIN article_event e ON e.id = f.event_id
				WHERE e.article_id = :id ORDER BY f.event_id, f.seq
				""").param("id", id).query((rs, n) -> {
			findings.computeIfAbsent(rs.getLong("event_id"), k -> new ArrayList<>())
				.add(new Finding(Finding.Severity.valueOf(rs.getString("severity")),
						Finding.Kind.valueOf(rs.getString("kind")), rs.getString("field"), rs.getString("word"),
						rs.getString("suggestion"), rs.getString("note"), integer(rs, "amount"),
						integer(rs, "range_min"), integer(rs, "range_max")));
			return null;
		}).list();
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

	/** An image of an article the user can see. */
	public ImageFile image(CurrentUser user, long id, long imageId) {
		get(user, id);
		return imageFile(id, imageId);
	}

	/**
	 * Counts for the units inside {@code regionCode} (the user's own region when blank), which must lie in the scope,
	 * with a row per direct child region and one for the region's own articles; optionally for one campaign.
	 */
	public ArticleCounts counts(CurrentUser user, String regionCode, Long campaignId) {
		RegionCode root = regionCode == null || regionCode.isBlank() ? user.region() : RegionCode.parse(regionCode);
		if (!user.scope().covers(root)) {
			throw BusinessException.notFound("region.error.unknown", root.value());
		}
		Region region = regions.get(root);
		int childLength = root.level() == RegionLevel.VILLAGE ? root.value().length()
				: RegionLevel.ofNumber(root.level().number() + 1).codeLength();
		Map<String, long[]> rows = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT unit, COUNT(submitted_at) AS submitted, COUNT(approved_at) AS approved,
				       COUNT(recommended_at) AS recommended, COUNT(published_at) AS published
				FROM (
				    SELECT CASE WHEN LENGTH(region_code) >= :len THEN SUBSTRING(region_code FROM 1 FOR :len)
				                ELSE region_code END AS unit,
				           submitted_at, approved_at, recommended_at, published_at
				    FROM article
				    WHERE region_code >= :from AND region_code < :to AND (:campaign = 0 OR campaign_id = :campaign)
				) units
				GROUP BY unit
				""")
			.param("len", childLength)
			.param("from", root.subtreeFrom())
			.param("to", root.subtreeTo())
			.param("campaign", campaignId == null ? 0L : campaignId)
			.query((rs, n) -> rows.put(rs.getString("unit"), new long[] { rs.getLong("submitted"),
					rs.getLong("approved"), rs.getLong("recommended"), rs.getLong("published") }))
			.list();
		List<ArticleCounts> children = new ArrayList<>();
		long[] own = rows.get(root.value());
		if (own != null && !root.isCountry()) {
			children.add(new ArticleCounts(root, region.name(), true, own[0], own[1], own[2], own[3], List.of()));
		}
		if (root.level() != RegionLevel.VILLAGE) {
			for (Region child : regions.children(root)) {
				long[] c = rows.getOrDefault(child.code().value(), new long[4]);
				children.add(new ArticleCounts(child.code(), child.name(), false, c[0], c[1], c[2], c[3], List.of()));
			}
		}
		long[] total = new long[4];
		rows.values().forEach(c -> {
			for (int i = 0; i < 4; i++) {
				total[i] += c[i];
			}
		});
		return new ArticleCounts(root, region.name(), false, total[0], total[1], total[2], total[3], children);
	}

	// ------------------------------------------------------------------ the public page (no login)

	/** Published articles of the units inside {@code regionCode} (everywhere when blank), newest first. */
	public List<Article> published(String regionCode, int offset, int size) {
		RegionCode root = regionCode == null || regionCode.isBlank() ? RegionCode.COUNTRY
				: RegionCode.parse(regionCode);
		return jdbc.sql("""
				SELECT %s %s
				WHERE a.published_at IS NOT NULL AND a.region_code >= :from AND a.region_code < :to
				ORDER BY a.published_at DESC, a.id DESC
				LIMIT :limit OFFSET :offset
				""".formatted(COLUMNS.formatted("''"), FROM))
			.param("from", root.subtreeFrom())
			.param("to", root.subtreeTo())
			.param("limit", Math.min(Math.max(size, 1), 100))
			.param("offset", Math.max(offset, 0))
			.query(ArticleService::map)
			.list();
	}

	/** A published article with its images; anything else answers 404. */
	public Article getPublished(long id) {
		return jdbc.sql("""
				SELECT %s %s WHERE a.id = :id AND a.published_at IS NOT NULL
				""".formatted(COLUMNS.formatted("a.body"), FROM))
			.param("id", id)
			.query(ArticleService::map)
			.optional()
			.map(a -> a.withImages(images(a.id())))
			.orElseThrow(() -> BusinessException.notFound("article.error.unknown", String.valueOf(id)));
	}

	/** An image of a published article; anything else answers 404. */
	public ImageFile publishedImage(long id, long imageId) {
		getPublished(id);
		return imageFile(id, imageId);
	}

	// ------------------------------------------------------------------ internals

	/** The checked and normalised input. */
	private record Valid(String title, String body, int textLength, LocalDate eventDate, String eventPlace,
			String serviceObjects, String attendees, Long campaignId, Long activityId, List<Long> removeImageIds,
			List<UploadRules.Accepted> images) {

		Map<String, Object> params() {
			Map<String, Object> p = new HashMap<>();
			p.put("campaign", campaignId);
			p.put("activity", activityId);
			p.put("title", title);
			p.put("body", body);
			p.put("length", textLength);
			p.put("eventDate", eventDate);
			p.put("place", eventPlace);
			p.put("objects", serviceObjects);
			p.put("attendees", attendees);
			return p;
		}

	}

	private Valid validate(CurrentUser user, ArticleInput in, List<UploadedFile> uploads, List<ArticleImage> existing) {
		List<FieldError> errors = new ArrayList<>();
		String title = text(in.title(), "title", MAX_TITLE, errors);
		if (title == null) {
			errors.add(new FieldError("title", "article.error.required"));
		}
		String rawBody = in.bodyHtml() == null ? "" : in.bodyHtml();
		String body = "";
		if (rawBody.length() > MAX_BODY_HTML * 4) {
			errors.add(new FieldError("bodyHtml", "article.error.body-too-long"));
		}
		else {
			body = RichText.sanitize(rawBody);
			if (body.length() > MAX_BODY_HTML) {
				errors.add(new FieldError("bodyHtml", "article.error.body-too-long"));
			}
		}
		LocalDate eventDate = null;
		if (in.eventDate() != null && !in.eventDate().isBlank()) {
			try {
				eventDate = LocalDate.parse(in.eventDate().strip());
			}
			catch (DateTimeParseException ex) {
				errors.add(new FieldError("eventDate", "article.error.date-format", in.eventDate().strip()));
			}
		}
		String place = text(in.eventPlace(), "eventPlace", MAX_PLACE, errors);
		String objects = text(in.serviceObjects(), "serviceObjects", MAX_SERVICE_OBJECTS, errors);
		String attendees = text(in.attendees(), "attendees", MAX_ATTENDEES, errors);
		RegionScope scope = user.scope();
		if (in.campaignId() != null && campaigns.find(scope, in.campaignId()).isEmpty()) {
			errors.add(new FieldError("campaignId", "article.error.campaign-unknown", String.valueOf(in.campaignId())));
		}
		if (in.activityId() != null) {
			Optional<Activity> activity = activities.find(scope, in.activityId());
			if (activity.isEmpty()) {
				errors.add(new FieldError("activityId", "article.error.activity-unknown", String.valueOf(in.activityId())));
			}
			else if (in.campaignId() == null) {
				errors.add(new FieldError("activityId", "article.error.activity-needs-campaign"));
			}
			else if (!sameCampaign(in.campaignId(), activity.get().campaignId())) {
				errors.add(new FieldError("activityId", "article.error.activity-other-campaign",
						String.valueOf(in.activityId())));
			}
		}
		Set<Long> existingIds = new HashSet<>();
		existing.forEach(i -> existingIds.add(i.id()));
		List<Long> remove = in.removeImageIds().stream().distinct().toList();
		for (Long r : remove) {
			if (!existingIds.contains(r)) {
				errors.add(new FieldError("images", "article.error.image-unknown", String.valueOf(r)));
			}
		}
		List<UploadRules.Accepted> images = rules.imageRules().check(uploads, existing.size() - remove.size(),
				errors);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return new Valid(title, body, RichText.countWithoutWhitespace(RichText.plainText(body)), eventDate, place,
				objects, attendees, in.campaignId(), in.activityId(), remove, images);
	}

	private boolean sameCampaign(long articleCampaign, long activityCampaign) {
		return articleCampaign == activityCampaign || campaigns.family(articleCampaign).contains(activityCampaign)
				|| campaigns.family(activityCampaign).contains(articleCampaign);
	}

	private static String text(String value, String field, int max, List<FieldError> errors) {
		String s = strip(value);
		if (s == null) {
			return null;
		}
		if (s.length() > max) {
			errors.add(new FieldError(field, "article.error.too-long", max));
		}
		return s;
	}

	private static String strip(String value) {
		String s = value == null ? "" : value.strip();
		return s.isEmpty() ? null : s;
	}

	private static String comment(String comment, boolean required) {
		String c = strip(comment);
		if (c == null && required) {
			throw InvalidInputException.of("comment", "article.error.comment-required");
		}
		if (c != null && c.length() > MAX_COMMENT) {
			throw InvalidInputException.of("comment", "article.error.too-long", MAX_COMMENT);
		}
		return c;
	}

	private void insertImages(long articleId, int firstSeq, List<UploadRules.Accepted> images, Instant now) {
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

	private List<ArticleImage> images(long articleId) {
		return jdbc.sql("""
				SELECT id, seq, file_name, content_type, size_bytes FROM article_image
				WHERE article_id = :id ORDER BY seq, id
				""")
			.param("id", articleId)
			.query((rs, n) -> new ArticleImage(rs.getLong("id"), rs.getInt("seq"), rs.getString("file_name"),
					rs.getString("content_type"), rs.getInt("size_bytes")))
			.list();
	}

	private ImageFile imageFile(long articleId, long imageId) {
		return jdbc.sql("""
				SELECT file_name, content_type, image_data FROM article_image WHERE id = :image AND article_id = :id
				""")
			.param("image", imageId)
			.param("id", articleId)
			.query((rs, n) -> new ImageFile(rs.getString("file_name"), rs.getString("content_type"),
					rs.getBytes("image_data")))
			.optional()
			.orElseThrow(() -> BusinessException.notFound("article.error.image-not-found", String.valueOf(imageId)));
	}

	/** An article of the user's own unit that may still be changed. */
	private Article editable(CurrentUser user, long id) {
		requirePermission(user, Permissions.ARTICLE_SUBMIT);
		Article article = get(user, id);
		if (!article.region().equals(user.region())) {
			throw BusinessException.forbidden("article.error.not-your-unit");
		}
		if (!article.status().isEditable()) {
			throw BusinessException.conflict("article.error.not-editable");
		}
		return article;
	}

	/** An article waiting at the user's region (in {@code status}, or submitted or approved when null). */
	private Article waitingFor(CurrentUser user, long id, ArticleStatus status) {
		requirePermission(user, Permissions.ARTICLE_REVIEW);
		Article article = get(user, id);
		if (!article.review().equals(user.region())) {
			throw BusinessException.forbidden("article.error.not-your-review");
		}
		boolean waiting = status == null
				? article.status() == ArticleStatus.SUBMITTED || article.status() == ArticleStatus.APPROVED
				: article.status() == status;
		if (!waiting) {
			throw BusinessException.conflict("article.error.not-waiting", article.status().messageKey());
		}
		return article;
	}

	private static void requirePermission(CurrentUser user, String permission) {
		if (user == null || !user.can(permission)) {
			throw BusinessException.forbidden("error.forbidden");
		}
	}

	/** Moves the article on, unless someone else changed it since it was read. */
	private void transition(Article article, ArticleStatus status, RegionCode stage, RegionCode review, String extra,
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
		if (changed == 0) {
			throw BusinessException.conflict("article.error.changed");
		}
	}

	private long addEvent(long articleId, ArticleStep step, CurrentUser user, ArticleStatus status, RegionCode stage,
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

	private void addFindings(long eventId, List<Finding> findings) {
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

	private RegionScope within(RegionScope scope, String region) {
		if (region == null || region.isBlank()) {
			return scope;
		}
		RegionCode code = RegionCode.parse(region);
		if (!scope.covers(code)) {
			throw BusinessException.notFound("region.error.unknown", code.value());
		}
		return new RegionScope(code);
	}

	private static Integer integer(ResultSet rs, String column) throws SQLException {
		int v = rs.getInt(column);
		return rs.wasNull() ? null : v;
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
