package org.wushe.campaign;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.wushe.shared.TextInput;
import org.wushe.personal.PersonalData;
import org.wushe.personal.PhoneNumber;
import org.wushe.personal.SealedValue;
import org.wushe.region.Region;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionLevel;
import org.wushe.region.RegionScope;
import org.wushe.region.Regions;
import org.wushe.shared.DateText;
import org.wushe.shared.FieldError;
import org.wushe.shared.InvalidInputException;

/**
 * Checks what a campaign form or the API sends before anything is stored: texts, the region (inside the scope and the
 * parent campaign), the reporting level, the window, the deadlines, the lists and the contact. Every error names its
 * field; the contact phone comes out sealed.
 */
@Component
@RequiredArgsConstructor
class CampaignValidation {

	/** Texts typed into campaign forms and reports, in the campaign module's words. */
	static final TextInput TEXT = new TextInput("campaign.error.required", "campaign.error.too-long");

	static final int MAX_DEADLINES = 12;

	static final int MAX_ITEMS = 50;

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private final Regions regions;

	private final PersonalData personalData;

	/** The checked and normalised input. */
	record Valid(String name, String theme, RegionCode region, RegionLevel level, LocalDate start,
			LocalDate end, List<Instant> deadlines, Instant summary, String title, List<String> contentItems,
			List<String> activityForms, String contactName, SealedValue contactPhone, String contactEmail) {

		Map<String, Object> params() {
			Map<String, Object> p = new HashMap<>();
			p.put("name", name);
			p.put("theme", theme);
			p.put("region", region.value());
			p.put("level", level.number());
			p.put("start", start);
			p.put("end", end);
			p.put("summary", summary == null ? null : Timestamp.from(summary));
			p.put("title", title);
			p.put("contactName", contactName);
			p.put("contactPhoneCipher", contactPhone == null ? null : contactPhone.cipherText());
			p.put("contactPhoneHash", contactPhone == null ? null : contactPhone.searchHash());
			p.put("contactPhoneMasked", contactPhone == null ? null : contactPhone.masked());
			p.put("contactEmail", contactEmail);
			return p;
		}

	}

	/**
	 * Checks a campaign's input; {@code existing} is the campaign being changed (or {@code null}), whose stored
	 * contact phone {@code storedPhone} answers when the form sends back its masked form unchanged.
	 */
	Valid validate(RegionScope scope, CampaignInput in, Campaign parent, Campaign existing,
			Supplier<SealedValue> storedPhone) {
		List<FieldError> errors = new ArrayList<>();
		String name = TEXT.read(in.name(), "name", 200, true, errors);
		String theme = parent != null ? parent.theme() : TEXT.read(in.theme(), "theme", 200, true, errors);
		RegionCode region = existing != null ? existing.region() : region(scope, in.regionCode(), parent, errors);
		RegionLevel level = null;
		if (in.reportingLevel() == null || in.reportingLevel() < 1 || in.reportingLevel() > 5) {
			errors.add(new FieldError("reportingLevel", "campaign.error.reporting-level"));
		}
		else {
			level = RegionLevel.ofNumber(in.reportingLevel());
			if (region != null && !level.isBelow(region.level())) {
				errors.add(new FieldError("reportingLevel", "campaign.error.reporting-level-below",
						region.level().messageKey()));
			}
		}
		LocalDate start = date(in.startDate(), "startDate", parent == null ? null : parent.startDate(), errors);
		LocalDate end = date(in.endDate(), "endDate", parent == null ? null : parent.endDate(), errors);
		if (start != null && end != null && end.isBefore(start)) {
			errors.add(new FieldError("endDate", "campaign.error.end-before-start"));
		}
		if (parent != null && start != null && end != null
				&& (start.isBefore(parent.startDate()) || end.isAfter(parent.endDate()))) {
			errors.add(new FieldError("startDate", "campaign.error.outside-parent-window", parent.startDate(),
					parent.endDate()));
		}
		List<Instant> deadlines = new ArrayList<>();
		for (String d : in.deadlines()) {
			if (d == null || d.isBlank()) {
				continue;
			}
			try {
				deadlines.add(Deadline.parseInstant(d));
			}
			catch (DateTimeParseException ex) {
				errors.add(new FieldError("deadlines", "campaign.error.deadline-format", d.strip()));
			}
		}
		deadlines.sort(null);
		if (deadlines.isEmpty() && parent == null) {
			errors.add(new FieldError("deadlines", "campaign.error.deadline-required"));
		}
		if (deadlines.size() > MAX_DEADLINES) {
			errors.add(new FieldError("deadlines", "campaign.error.too-many", MAX_DEADLINES));
		}
		if (deadlines.stream().distinct().count() < deadlines.size()) {
			errors.add(new FieldError("deadlines", "campaign.error.deadline-duplicate"));
		}
		Instant summary = null;
		if (in.summaryDeadline() != null && !in.summaryDeadline().isBlank()) {
			try {
				summary = Deadline.parseInstant(in.summaryDeadline());
			}
			catch (DateTimeParseException ex) {
				errors.add(new FieldError("summaryDeadline", "campaign.error.deadline-format",
						in.summaryDeadline().strip()));
			}
		}
		String title = TEXT.read(in.tableTitle(), "tableTitle", 200, false, errors);
		List<String> contents = items(in.contentItems(), "contentItems", errors);
		List<String> forms = items(in.activityForms(), "activityForms", errors);
		String contactName = TEXT.read(in.contactName(), "contactName", 100, false, errors);
		String typedPhone = TEXT.read(in.contactPhone(), "contactPhone", 40, false, errors);
		SealedValue contactPhone = null;
		if (typedPhone != null && PhoneNumber.isValid(typedPhone)) {
			contactPhone = personalData.seal(PhoneNumber.parse(typedPhone));
		}
		else if (typedPhone != null && existing != null && typedPhone.equals(existing.contactPhone())) {
			// the form shows the phone masked: sent back unchanged, it keeps the stored phone
			contactPhone = storedPhone.get();
		}
		else if (typedPhone != null) {
			errors.add(PhoneNumber.problem(typedPhone).filter("actor.phone.length"::equals).isPresent()
					? new FieldError("contactPhone", "campaign.error.contact-phone-length", PhoneNumber.digits(typedPhone))
					: new FieldError("contactPhone", "campaign.error.contact-phone"));
		}
		String contactEmail = TEXT.read(in.contactEmail(), "contactEmail", 200, false, errors);
		if (contactEmail != null && !EMAIL.matcher(contactEmail).matches()) {
			errors.add(new FieldError("contactEmail", "campaign.error.email"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return new Valid(name, theme, region, level, start, end, List.copyOf(deadlines), summary,
				title == null ? "" : title, contents, forms, contactName, contactPhone, contactEmail);
	}

	private RegionCode region(RegionScope scope, String text, Campaign parent, List<FieldError> errors) {
		if (text == null || !RegionCode.isValid(text)) {
			errors.add(new FieldError("regionCode", "region.error.malformed", String.valueOf(text)));
			return null;
		}
		RegionCode code = RegionCode.parse(text);
		if (!scope.covers(code)) {
			errors.add(new FieldError("regionCode", "campaign.error.region-out-of-scope", code.value()));
			return null;
		}
		if (parent != null && (!parent.region().contains(code) || parent.region().equals(code))) {
			errors.add(new FieldError("regionCode", "campaign.error.region-outside-parent", parent.regionName()));
			return null;
		}
		Optional<Region> region = regions.find(code);
		if (region.isEmpty()) {
			errors.add(new FieldError("regionCode", "region.error.unknown", code.value()));
			return null;
		}
		return code;
	}
	private static LocalDate date(String value, String field, LocalDate fallback, List<FieldError> errors) {
		if (value == null || value.isBlank()) {
			if (fallback == null) {
				errors.add(new FieldError(field, "campaign.error.required"));
			}
			return fallback;
		}
		try {
			return DateText.parse(value);
		}
		catch (DateText.NotADate ex) {
			errors.add(new FieldError(field, "campaign.error.date-format", value.strip()));
			return null;
		}
	}

	private static List<String> items(List<String> values, String field, List<FieldError> errors) {
		List<String> result = new ArrayList<>();
		for (String v : values) {
			if (v == null || v.isBlank()) {
				continue;
			}
			String s = v.strip();
			if (s.length() > 500) {
				errors.add(new FieldError(field, "campaign.error.too-long", 500));
			}
			result.add(s);
		}
		if (result.size() > MAX_ITEMS) {
			errors.add(new FieldError(field, "campaign.error.too-many", MAX_ITEMS));
		}
		return List.copyOf(result);
	}

}
