package org.wushe.article;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.wushe.shared.TextInput;
import org.wushe.access.CurrentUser;
import org.wushe.activity.Activity;
import org.wushe.activity.ActivityService;
import org.wushe.campaign.CampaignService;
import org.wushe.region.RegionScope;
import org.wushe.shared.DateText;
import org.wushe.shared.FieldError;
import org.wushe.shared.InvalidInputException;
import org.wushe.shared.ReasonInput;
import org.wushe.shared.upload.UploadRules;
import org.wushe.shared.upload.UploadedFile;

/**
 * Checks what the unit wrote before it is stored: lengths, the event date, that the campaign and the activity lie in
 * the user's scope and belong together, and the images. Every error names its field; nothing is stored while any is
 * left.
 */
@Component
@RequiredArgsConstructor
class ArticleValidation {

	static final int MAX_TITLE = 100;

	static final int MAX_BODY_HTML = 60_000;

	static final int MAX_PLACE = 200;

	static final int MAX_SERVICE_OBJECTS = 200;

	static final int MAX_ATTENDEES = 500;

	static final int MAX_COMMENT = 1000;

	/** Texts typed into an article, in the article module's words. */
	static final TextInput TEXT = new TextInput("article.error.required", "article.error.too-long");

	private static final ReasonInput COMMENT = new ReasonInput("comment", MAX_COMMENT, "article.error.comment-required",
			"article.error.too-long");

	private final CampaignService campaigns;

	private final ActivityService activities;

	private final ArticleProperties rules;

	/** The checked and normalised input. */
	record Valid(String title, String body, int textLength, LocalDate eventDate, String eventPlace,
			String serviceObjects, String attendees, Long campaignId, Long activityId, List<Long> removeImageIds,
			List<UploadRules.Accepted> images) {

		/** The article's columns as named parameters. */
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

	Valid validate(CurrentUser user, ArticleInput in, List<UploadedFile> uploads, List<ArticleImage> existing) {
		List<FieldError> errors = new ArrayList<>();
		String title = TEXT.read(in.title(), "title", MAX_TITLE, false, errors);
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
				eventDate = DateText.parse(in.eventDate());
			}
			catch (DateText.NotADate ex) {
				errors.add(new FieldError("eventDate", "article.error.date-format", in.eventDate().strip()));
			}
		}
		String place = TEXT.read(in.eventPlace(), "eventPlace", MAX_PLACE, false, errors);
		String objects = TEXT.read(in.serviceObjects(), "serviceObjects", MAX_SERVICE_OBJECTS, false, errors);
		String attendees = TEXT.read(in.attendees(), "attendees", MAX_ATTENDEES, false, errors);
		checkCampaignAndActivity(user.scope(), in, errors);
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

	private void checkCampaignAndActivity(RegionScope scope, ArticleInput in, List<FieldError> errors) {
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
	}

	private boolean sameCampaign(long articleCampaign, long activityCampaign) {
		return articleCampaign == activityCampaign || campaigns.family(articleCampaign).contains(activityCampaign)
				|| campaigns.family(activityCampaign).contains(articleCampaign);
	}
	static String strip(String value) {
		String s = value == null ? "" : value.strip();
		return s.isEmpty() ? null : s;
	}

	/** A reviewer's comment, stripped; {@code required} for a return. */
	static String comment(String comment, boolean required) {
		return COMMENT.read(comment, required);
	}

}
