package org.wushe.activity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.wushe.shared.TextInput;
import org.wushe.campaign.Campaign;
import org.wushe.region.RegionCode;
import org.wushe.shared.FieldError;
import org.wushe.shared.InvalidInputException;

/** An activity's values, read and checked from what a user typed; the same rules as for workbook rows. */
record ActivityValues(RegionCode region, String name, String units, int participants, DateSpan dates, String place,
		String content, Set<ServiceDomain> domains, int beneficiaries, Yuan funds, Yuan materials, String remarks) {

	static final int NAME_MAX = 200;

	static final int UNITS_MAX = 500;

	static final int PLACE_MAX = 200;

	static final int CONTENT_MAX = 2000;

	static final int REMARKS_MAX = 500;

	/** Texts typed into an activity record, in the activity module's words. */
	static final TextInput TEXT = new TextInput("activity.error.required", "activity.error.too-long");

	/**
	 * Reads a form or API body.
	 *
	 * @param defaultYear the year of dates written without one (the campaign's)
	 * @throws InvalidInputException naming every field that cannot be read
	 */
	static ActivityValues read(ActivityInput in, int defaultYear) {
		List<FieldError> errors = new ArrayList<>();
		RegionCode region = null;
		if (in.regionCode() == null || !RegionCode.isValid(in.regionCode())) {
			errors.add(new FieldError("regionCode", "region.error.malformed", String.valueOf(in.regionCode())));
		}
		else {
			region = RegionCode.parse(in.regionCode());
		}
		String name = TEXT.read(in.name(), "name", NAME_MAX, true, errors);
		String units = TEXT.read(in.units(), "units", UNITS_MAX, false, errors);
		String place = TEXT.read(in.place(), "place", PLACE_MAX, false, errors);
		String content = TEXT.read(in.content(), "content", CONTENT_MAX, false, errors);
		String remarks = TEXT.read(in.remarks(), "remarks", REMARKS_MAX, false, errors);
		Integer participants = read(errors, "participants", () -> Headcount.parse(in.participants()));
		Integer beneficiaries = read(errors, "beneficiaries", () -> Headcount.parse(in.beneficiaries()));
		Yuan funds = read(errors, "fundsYuan", () -> Yuan.parse(in.fundsYuan()));
		Yuan materials = read(errors, "materialsYuan", () -> Yuan.parse(in.materialsYuan()));
		Set<ServiceDomain> domains = read(errors, "domains", () -> ServiceDomain.parseAll(in.domains()));
		DateSpan dates = read(errors, "startDate", () -> ChineseDate.parse(in.startDate(), defaultYear));
		if (dates != null && in.endDate() != null && !in.endDate().isBlank()) {
			DateSpan end = read(errors, "endDate", () -> ChineseDate.parse(in.endDate(), dates.start().getYear()));
			if (end != null) {
				if (end.end().isBefore(dates.start())) {
					errors.add(new FieldError("endDate", "activity.error.end-before-start"));
				}
				else {
					return finish(errors, region, name, units, participants, new DateSpan(dates.start(), end.end()),
							place, content, domains, beneficiaries, funds, materials, remarks);
				}
			}
		}
		return finish(errors, region, name, units, participants, dates, place, content, domains, beneficiaries,
				funds, materials, remarks);
	}

	private static ActivityValues finish(List<FieldError> errors, RegionCode region, String name, String units,
			Integer participants, DateSpan dates, String place, String content, Set<ServiceDomain> domains,
			Integer beneficiaries, Yuan funds, Yuan materials, String remarks) {
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return new ActivityValues(region, name, units, participants, dates, place, content, domains, beneficiaries,
				funds, materials, remarks);
	}

	private static <T> T read(List<FieldError> errors, String field, java.util.function.Supplier<T> parser) {
		try {
			return parser.get();
		}
		catch (Unreadable ex) {
			errors.add(new FieldError(field, ex.messageKey(), ex.args()));
			return null;
		}
	}
	Contribution contribution(long campaignId) {
		return new Contribution(region, dates.start(), campaignId, participants, beneficiaries, funds.amount(),
				materials.amount(), ServiceDomain.mask(domains));
	}

	Map<String, Object> params(Campaign campaign) {
		Map<String, Object> p = new HashMap<>();
		p.put("region", region.value());
		p.put("name", name);
		p.put("units", units);
		p.put("participants", participants);
		p.put("start", dates.start());
		p.put("end", dates.end());
		p.put("place", place);
		p.put("content", content);
		p.put("domains", ServiceDomain.mask(domains));
		p.put("beneficiaries", beneficiaries);
		p.put("funds", funds.amount());
		p.put("materials", materials.amount());
		p.put("remarks", remarks);
		p.put("outside", !campaign.isWithinWindow(dates.start()) || !campaign.isWithinWindow(dates.end()));
		return p;
	}

}
