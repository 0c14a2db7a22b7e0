package org.wushe.article.web;

import java.util.List;

import org.wushe.article.ArticleInput;

/**
 * Content to check before it is saved: the article fields, the stored article it changes (if any) and how many new
 * images would be added.
 */
record CheckRequest(String title, String bodyHtml, String eventDate, String eventPlace, String serviceObjects,
		String attendees, Long campaignId, Long activityId, List<Long> removeImageIds, Long articleId,
		Integer newImages) {

	ArticleInput input() {
		return new ArticleInput(title, bodyHtml, eventDate, eventPlace, serviceObjects, attendees, campaignId, activityId,
				removeImageIds);
	}

	int newImageCount() {
		return newImages == null ? 0 : newImages;
	}

}
