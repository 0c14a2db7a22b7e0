package org.wushe.article;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.wushe.region.RegionCode;

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

	Article withImages(List<ArticleImage> list) {
		return new Article(id, region, regionName, campaignId, activityId, title, body, textLength, eventDate,
				eventPlace, serviceObjects, attendees, status, stage, review, reviewName, submittedAt, approvedAt,
				approvedBy, recommendedAt, publishedAt, publishedBy, publishedRegion, createdAt, createdBy, updatedAt,
				updatedBy, lockVersion, list);
	}

}
