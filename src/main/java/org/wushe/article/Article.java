package org.wushe.article;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.wushe.access.CurrentUser;
import org.wushe.region.RegionCode;
import org.wushe.shared.BusinessException;

/**
 * A news article (稿件) of a unit about a campaign. It stands at {@link #stage()} (first the unit, then each level it
 * is recommended to) and is reviewed by {@link #review()}, the parent of the stage.
 *
 * @param region the unit that wrote it
 * @param body sanitised HTML
 * @param textLength characters of the body's text without whitespace
 * @param approvedBy the highest region that approved it, or {@code null}
 * @param publishedBy the user who published it, while it is published
 * @param publishedRegion the region of that user
 */
public record Article(long id, RegionCode region, String regionName, Long campaignId, Long activityId, String title,
		String body, int textLength, LocalDate eventDate, String eventPlace, String serviceObjects, String attendees,
		ArticleStatus status, RegionCode stage, RegionCode review, String reviewName, Instant submittedAt,
		Instant approvedAt, RegionCode approvedBy, Instant recommendedAt, Instant publishedAt, String publishedBy,
		RegionCode publishedRegion, Instant createdAt, String createdBy, Instant updatedAt, String updatedBy,
		int lockVersion, List<ArticleImage> images) {

	public Article {
		images = images == null ? List.of() : List.copyOf(images);
	}

	public boolean isPublished() {
		return publishedAt != null;
	}

	/** Approved at some level and not sent back since: any level in scope may publish it. */
	public boolean isPublishable() {
		return approvedBy != null && (status == ArticleStatus.APPROVED || status == ArticleStatus.SUBMITTED);
	}

	/** Approved by its review region, which is not yet the country: that region may recommend it one level up. */
	public boolean isRecommendable() {
		return status == ArticleStatus.APPROVED && !review.isCountry();
	}

	/** Whether {@code user} may do {@code action} with this article now. */
	public boolean allows(ArticleAction action, CurrentUser user) {
		return refusal(action, user).isEmpty();
	}

	/** Throws the reason why {@code user} may not do {@code action} with this article now, if there is one. */
	public void require(ArticleAction action, CurrentUser user) {
		Optional<BusinessException> refused = refusal(action, user);
		if (refused.isPresent()) {
			throw refused.get();
		}
	}

	/**
	 * Why {@code user} may not do {@code action} with this article now (empty when allowed), checked in this order:
	 * the permission, the region that holds the step, the status.
	 * <ul>
	 * <li>edit, submit: the unit that wrote it, while it is a draft or returned;</li>
	 * <li>delete: as edit, and only its author, while it is not published;</li>
	 * <li>approve: the review region, while it is submitted; return: while submitted or approved; recommend: while
	 * approved and the review region is not the country;</li>
	 * <li>publish: any level in scope, once approved and not yet published; unpublish: the publishing region or one
	 * above it, while published.</li>
	 * </ul>
	 */
	public Optional<BusinessException> refusal(ArticleAction action, CurrentUser user) {
		if (user == null || !user.can(action.permission())) {
			return refused(BusinessException.forbidden("error.forbidden"));
		}
		return switch (action) {
			case EDIT, SUBMIT -> unitRefusal(user);
			case DELETE -> unitRefusal(user).or(() -> isPublished() || !user.getUsername().equals(createdBy)
					? refused(BusinessException.forbidden("article.error.not-author")) : Optional.empty());
			case APPROVE -> reviewRefusal(user, status == ArticleStatus.SUBMITTED);
			case RETURN -> reviewRefusal(user, status == ArticleStatus.SUBMITTED || status == ArticleStatus.APPROVED);
			case RECOMMEND -> reviewRefusal(user, status == ArticleStatus.APPROVED)
				.or(() -> review.isCountry() ? refused(BusinessException.conflict("article.error.top-level"))
						: Optional.empty());
			case PUBLISH -> !isPublishable() ? refused(BusinessException.conflict("article.error.not-approved"))
					: isPublished() ? refused(BusinessException.conflict("article.error.already-published"))
							: Optional.empty();
			case UNPUBLISH -> !isPublished() ? refused(BusinessException.conflict("article.error.not-published"))
					: !user.region().contains(publishedRegion)
							? refused(BusinessException.forbidden("article.error.not-your-publication"))
							: Optional.empty();
		};
	}

	private Optional<BusinessException> unitRefusal(CurrentUser user) {
		if (!region.equals(user.region())) {
			return refused(BusinessException.forbidden("article.error.not-your-unit"));
		}
		if (!status.isEditable()) {
			return refused(BusinessException.conflict("article.error.not-editable"));
		}
		return Optional.empty();
	}

	private Optional<BusinessException> reviewRefusal(CurrentUser user, boolean waiting) {
		if (!review.equals(user.region())) {
			return refused(BusinessException.forbidden("article.error.not-your-review"));
		}
		if (!waiting) {
			return refused(BusinessException.conflict("article.error.not-waiting", status.messageKey()));
		}
		return Optional.empty();
	}

	private static Optional<BusinessException> refused(BusinessException reason) {
		return Optional.of(reason);
	}

	Article withImages(List<ArticleImage> list) {
		return new Article(id, region, regionName, campaignId, activityId, title, body, textLength, eventDate,
				eventPlace, serviceObjects, attendees, status, stage, review, reviewName, submittedAt, approvedAt,
				approvedBy, recommendedAt, publishedAt, publishedBy, publishedRegion, createdAt, createdBy, updatedAt,
				updatedBy, lockVersion, list);
	}

}
