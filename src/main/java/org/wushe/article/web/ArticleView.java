package org.wushe.article.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.wushe.article.Article;
import org.wushe.article.ArticleImage;

/** An article as the API shows it; {@code bodyHtml} is the sanitised body (empty in lists). */
record ArticleView(long id, String regionCode, String regionName, Long campaignId, Long activityId, String title,
		String bodyHtml, int textLength, LocalDate eventDate, String eventPlace, String serviceObjects, String attendees,
		String status, String stageCode, String reviewCode, String reviewName, Instant submittedAt, Instant approvedAt,
		String approvedBy, Instant recommendedAt, Instant publishedAt, String publishedBy, String publishedRegion,
		Instant createdAt, String createdBy, Instant updatedAt, String updatedBy, List<ImageView> images) {

	record ImageView(long id, int seq, String fileName, String contentType, int sizeBytes, String url) {
	}

	static ArticleView of(Article a) {
		return new ArticleView(a.id(), a.region().value(), a.regionName(), a.campaignId(), a.activityId(), a.title(),
				a.body(), a.textLength(), a.eventDate(), a.eventPlace(), a.serviceObjects(), a.attendees(),
				a.status().name(), a.stage().value(), a.review().value(), a.reviewName(), a.submittedAt(),
				a.approvedAt(), a.approvedBy() == null ? null : a.approvedBy().value(), a.recommendedAt(),
				a.publishedAt(), a.publishedBy(), a.publishedRegion() == null ? null : a.publishedRegion().value(),
				a.createdAt(), a.createdBy(), a.updatedAt(), a.updatedBy(),
				a.images().stream().map(i -> image(a.id(), i)).toList());
	}

	private static ImageView image(long article, ArticleImage i) {
		return new ImageView(i.id(), i.seq(), i.fileName(), i.contentType(), i.sizeBytes(),
				"/api/articles/" + article + "/images/" + i.id());
	}

}
