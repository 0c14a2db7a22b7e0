package org.wushe.article;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The automatic checks of 附件2: all elements present and at least one image (errors), no banned word (error), the
 * body's length within the range (warning) and no common wrong word (warning, with the suggestion). Words are
 * reported once per field, in the order they appear.
 */
final class ArticleChecks {

	/** The fields searched for words, in the order findings are listed. */
	static final List<String> TEXT_FIELDS = List.of("title", "bodyHtml", "eventPlace", "serviceObjects", "attendees");

	private ArticleChecks() {
	}

	/** What is checked: the plain text of every field and whether the other elements are there. */
	record Content(String title, String bodyText, boolean hasEventDate, String eventPlace, String serviceObjects,
			String attendees, boolean hasCampaign, int imageCount) {

		String text(String field) {
			return switch (field) {
				case "title" -> title;
				case "bodyHtml" -> bodyText;
				case "eventPlace" -> eventPlace;
				case "serviceObjects" -> serviceObjects;
				case "attendees" -> attendees;
				default -> throw new IllegalArgumentException(field);
			};
		}

	}

	static CheckReport check(Content content, WordMatcher words, ArticleProperties rules) {
		List<Finding> errors = new ArrayList<>();
		List<Finding> warnings = new ArrayList<>();
		requireText(content.title(), "title", errors);
		requireText(content.bodyText(), "bodyHtml", errors);
		if (!content.hasEventDate()) {
			errors.add(Finding.missing("eventDate"));
		}
		requireText(content.eventPlace(), "eventPlace", errors);
		requireText(content.serviceObjects(), "serviceObjects", errors);
		requireText(content.attendees(), "attendees", errors);
		if (!content.hasCampaign()) {
			errors.add(Finding.missing("campaignId"));
		}
		if (content.imageCount() < 1) {
			errors.add(Finding.missing("images"));
		}
		int length = RichText.countWithoutWhitespace(content.bodyText());
		if (length > 0 && (length < rules.lengthMin() || length > rules.lengthMax())) {
			warnings.add(Finding.length(length, rules.lengthMin(), rules.lengthMax()));
		}
		for (String field : TEXT_FIELDS) {
			String text = content.text(field);
			if (text == null || text.isBlank()) {
				continue;
			}
			Set<String> seen = new LinkedHashSet<>();
			for (WordAutomaton.Hit<BannedWord> hit : words.banned(text)) {
				if (seen.add(hit.found())) {
					errors.add(Finding.banned(field, hit.found()));
				}
			}
			seen.clear();
			for (WordAutomaton.Hit<WrongWord> hit : words.wrong(text)) {
				if (seen.add(hit.found())) {
					WrongWord w = hit.entry();
					warnings.add(Finding.wrongWord(field, hit.found(), w.suggestion(), w.note()));
				}
			}
		}
		List<Finding> all = new ArrayList<>(errors);
		all.addAll(warnings);
		return new CheckReport(length, rules.lengthMin(), rules.lengthMax(), content.imageCount(), all);
	}

	private static void requireText(String value, String field, List<Finding> errors) {
		if (value == null || RichText.countWithoutWhitespace(value) == 0) {
			errors.add(Finding.missing(field));
		}
	}

}
