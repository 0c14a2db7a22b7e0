package org.wushe.article;

import java.util.List;

/**
 * What the unit writes (the editor form and the API body). The body ({@code bodyHtml}) is HTML and is sanitised on saving; the event
 * date is {@code yyyy-MM-dd} text so that a wrong value gets an error naming its field.
 *
 * @param removeImageIds images of the article to drop when saving a change
 */
public record ArticleInput(String title, String bodyHtml, String eventDate, String eventPlace, String serviceObjects,
		String attendees, Long campaignId, Long activityId, List<Long> removeImageIds) {

	public ArticleInput {
		removeImageIds = removeImageIds == null ? List.of() : List.copyOf(removeImageIds);
	}

}
