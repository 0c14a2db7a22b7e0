package org.wushe.article.web;

import java.util.ArrayList;
import java.util.List;

import org.wushe.article.Article;
import org.wushe.article.ArticleInput;
import org.wushe.article.ArticleService;
import org.wushe.shared.FieldError;

/**
 * The editor form as posted. Ids are text so that anything typed gets an error naming its field rather than a
 * binding failure.
 *
 * @param newImages how many files are chosen in the file input (kept up to date by the page's script for the live
 * check)
 */
record ArticleForm(String title, String bodyHtml, String eventDate, String eventPlace, String serviceObjects,
		String attendees, String campaignId, String activityId, List<String> removeImageIds, String newImages) {

	static ArticleForm empty() {
		return new ArticleForm("", "", "", "", "", "", "", "", List.of(), "0");
	}

	static ArticleForm of(Article a) {
		return new ArticleForm(a.title(), a.body(), a.eventDate() == null ? "" : a.eventDate().toString(),
				nz(a.eventPlace()), nz(a.serviceObjects()), nz(a.attendees()),
				a.campaignId() == null ? "" : a.campaignId().toString(),
				a.activityId() == null ? "" : a.activityId().toString(), List.of(), "0");
	}

	/** The same form with its body made safe to show again in the editor. */
	ArticleForm sanitized() {
		return new ArticleForm(title, ArticleService.sanitize(bodyHtml), eventDate, eventPlace, serviceObjects, attendees,
				campaignId, activityId, removeImageIds, newImages);
	}

	/** The service input; unreadable ids become errors. */
	ArticleInput toInput(List<FieldError> errors) {
		return new ArticleInput(title, bodyHtml, eventDate, eventPlace, serviceObjects, attendees,
				id(campaignId, "campaignId", "article.error.campaign-unknown", errors),
				id(activityId, "activityId", "article.error.activity-unknown", errors), removeIds());
	}

	/** The input for the live check, where unreadable ids count as not chosen. */
	ArticleInput toCheckInput() {
		return toInput(new ArrayList<>());
	}

	int newImageCount() {
		try {
			return newImages == null || newImages.isBlank() ? 0 : Math.max(Integer.parseInt(newImages.strip()), 0);
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	public boolean isRemoved(long imageId) {
		return removeIds().contains(imageId);
	}

	private List<Long> removeIds() {
		List<Long> ids = new ArrayList<>();
		if (removeImageIds != null) {
			for (String s : removeImageIds) {
				try {
					ids.add(Long.parseLong(s.strip()));
				}
				catch (NumberFormatException ex) {
					// not one of ours: ignored
				}
			}
		}
		return ids;
	}

	private static Long id(String text, String field, String key, List<FieldError> errors) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Long.parseLong(text.strip());
		}
		catch (NumberFormatException ex) {
			errors.add(new FieldError(field, key, text.strip()));
			return null;
		}
	}

	private static String nz(String s) {
		return s == null ? "" : s;
	}

}
