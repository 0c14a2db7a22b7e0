package org.wushe.article;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.access.CurrentUser;
import org.wushe.audit.AuditTrail;
import org.wushe.campaign.CampaignService;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionScope;
import org.wushe.shared.BusinessException;
import org.wushe.shared.InvalidInputException;
import org.wushe.shared.upload.UploadedFile;

/**
 * The article module's public API: a unit writes, checks and submits articles; the level above reviews them and may
 * recommend them further up; any level publishes approved ones. Users see the articles of the units in their scope
 * (drafts only their own unit's); anything else answers 404 as if it did not exist. Who may take which step is
 * {@link Article#refusal}. Every write is audited in its transaction, and every step of the review is kept in the
 * article's history. The counts are {@link ArticleTallies}; the public page is {@link PublicArticles}.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ArticleService {

	static final String ENTITY = "article";

	/** What taking an article off the public page sets. */
	private static final String UNPUBLISHED = "published_at = NULL, published_by = NULL, published_code = NULL";

	private final Articles articles;

	private final ArticleHistory history;

	private final ArticleValidation validation;

	private final CampaignService campaigns;

	private final ArticleWords words;

	private final ArticleProperties rules;

	private final AuditTrail audit;

	private final Clock clock;

	private final ApplicationEventPublisher events;

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
		requirePermission(user, ArticleAction.EDIT);
		RegionCode unit = user.region();
		if (unit.isCountry()) {
			throw BusinessException.forbidden("article.error.no-level-above");
		}
		ArticleValidation.Valid v = validation.validate(user, input, uploads, List.of());
		Instant now = Instant.now(clock);
		long id = articles.insert(v.params(), unit, now, user.getUsername());
		articles.insertImages(id, 1, v.images(), now);
		history.add(id, ArticleStep.CREATE, user, ArticleStatus.DRAFT, unit, unit.parent(), null, now);
		audit.record("article.create", ENTITY, id, unit);
		return get(user, id);
	}

	/** Changes a draft or returned article of the user's unit: fields, images dropped and images added. */
	@Transactional
	public Article update(CurrentUser user, long id, ArticleInput input, List<UploadedFile> uploads) {
		Article article = allowed(user, id, ArticleAction.EDIT);
		ArticleValidation.Valid v = validation.validate(user, input, uploads, article.images());
		Instant now = Instant.now(clock);
		articles.update(article, v.params(), now, user.getUsername());
		articles.deleteImages(id, v.removeImageIds());
		int nextSeq = article.images().stream().mapToInt(ArticleImage::seq).max().orElse(0) + 1;
		articles.insertImages(id, nextSeq, v.images(), now);
		audit.record("article.update", ENTITY, id, article.region());
		return get(user, id);
	}

	/**
	 * Submits a draft (to the level above the unit) or resubmits a returned article (to the level that returned it).
	 * Errors of the check refuse it; its warnings are recorded with the submission.
	 */
	@Transactional
	public Article submit(CurrentUser user, long id) {
		Article article = allowed(user, id, ArticleAction.SUBMIT);
		CheckReport report = check(user.scope(), article);
		if (report.hasErrors()) {
			throw new InvalidInputException(report.fieldErrors());
		}
		boolean first = article.status() == ArticleStatus.DRAFT;
		RegionCode stage = first ? article.region() : article.stage();
		RegionCode review = first ? article.region().parent() : article.review();
		Instant now = Instant.now(clock);
		articles.transition(article, ArticleStatus.SUBMITTED, stage, review, """
				submitted_at = COALESCE(submitted_at, :now)""", now, user);
		long event = history.add(id, first ? ArticleStep.SUBMIT : ArticleStep.RESUBMIT, user,
				ArticleStatus.SUBMITTED, stage, review, null, now);
		history.addFindings(event, report.findings());
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
		Article article = allowed(user, id, ArticleAction.DELETE);
		history.deleteOf(id);
		articles.delete(article);
		audit.record("article.delete", ENTITY, id, article.region());
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
		return ArticleChecks.check(new ArticleChecks.Content(ArticleValidation.strip(input.title()), body, date,
				ArticleValidation.strip(input.eventPlace()), ArticleValidation.strip(input.serviceObjects()),
				ArticleValidation.strip(input.attendees()), campaign, images), words.matcher(), rules);
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

	/**
	 * One step of the review by the levels above ({@code APPROVE}, {@code RETURN}, {@code RECOMMEND}, {@code PUBLISH}
	 * or {@code UNPUBLISH}): the user must be allowed it now, the comment is checked (a return needs one), the article
	 * moves and its columns are stamped, the step joins the history and the audit trail, and the unit hears of an
	 * approval or a return.
	 * <ul>
	 * <li>approve: the review region approves a submitted article;</li>
	 * <li>return: the review region sends a submitted (or approved, not yet recommended) article back to its unit;
	 * a returned article is taken off the public page until it is approved again;</li>
	 * <li>recommend: the review region sends an article it approved to the next level up, which reviews it again;</li>
	 * <li>publish: any level whose scope holds the article, once it is approved;</li>
	 * <li>unpublish: the publishing region (or one above it) takes it off the public page.</li>
	 * </ul>
	 */
	@Transactional
	public Article review(CurrentUser user, long id, ArticleAction action, String comment) {
		ArticleStep step = switch (action) {
			case APPROVE, RETURN, RECOMMEND, PUBLISH, UNPUBLISH -> ArticleStep.valueOf(action.name());
			default -> throw new IllegalArgumentException("not a review step: " + action);
		};
		Article article = allowed(user, id, action);
		String c = ArticleValidation.comment(comment, step == ArticleStep.RETURN);
		Instant now = Instant.now(clock);
		Move move = switch (step) {
			case APPROVE -> new Move(ArticleStatus.APPROVED, article.stage(), article.review(),
					"approved_at = COALESCE(approved_at, :now), approved_code = review_code");
			case RETURN -> new Move(ArticleStatus.RETURNED, article.stage(), article.review(), UNPUBLISHED);
			case RECOMMEND -> new Move(ArticleStatus.SUBMITTED, article.review(), article.review().parent(),
					"recommended_at = COALESCE(recommended_at, :now)");
			case PUBLISH -> Move.stay(article, "published_at = :now, published_by = :by, published_code = :publisher");
			default -> Move.stay(article, UNPUBLISHED);
		};
		articles.transition(article, move.status(), move.stage(), move.review(), move.set(), now, user);
		history.add(id, step, user, move.status(), move.stage(), move.review(), c, now);
		audit.record("article." + step.name().toLowerCase(Locale.ROOT), ENTITY, id, article.region());
		if (step == ArticleStep.APPROVE || step == ArticleStep.RETURN) {
			events.publishEvent(new ArticleReviewed(id, article.title(), article.region().value(), step, c));
		}
		return get(user, id);
	}

	/**
	 * Where a review step leaves an article: its status, the region it stands at and the one reviewing it, and the
	 * columns the step stamps.
	 */
	private record Move(ArticleStatus status, RegionCode stage, RegionCode review, String set) {

		static Move stay(Article a, String set) {
			return new Move(a.status(), a.stage(), a.review(), set);
		}

	}

	/**
	 * The article, read for {@code action}: the permission first (before anything is read), then what the article
	 * says about the step ({@link Article#refusal}).
	 */
	private Article allowed(CurrentUser user, long id, ArticleAction action) {
		requirePermission(user, action);
		Article article = get(user, id);
		article.require(action, user);
		return article;
	}

	private static void requirePermission(CurrentUser user, ArticleAction action) {
		if (user == null || !user.can(action.permission())) {
			throw BusinessException.forbidden("error.forbidden");
		}
	}

	// ------------------------------------------------------------------ reading

	/** The article if the user may see it: its unit lies in the scope, and drafts only for their own unit. */
	public Optional<Article> find(CurrentUser user, long id) {
		return articles.find(user, id);
	}

	public Article get(CurrentUser user, long id) {
		return find(user, id).orElseThrow(() -> BusinessException.notFound("article.error.unknown", String.valueOf(id)));
	}

	/** Articles for a list (bodies left out), newest change first. */
	public List<Article> list(CurrentUser user, ArticleQuery query) {
		return articles.list(user, new RegionScope(user.region(query.region(), "region")), query);
	}

	/** Every step of an article the user can see, oldest first. */
	public List<HistoryEntry> history(CurrentUser user, long id) {
		get(user, id);
		return history.of(id);
	}

	/** An image of an article the user can see. */
	public ImageFile image(CurrentUser user, long id, long imageId) {
		get(user, id);
		return articles.imageFile(id, imageId);
	}

}
