package org.wushe.activity.web;

import java.util.List;

import org.wushe.activity.Activity;
import org.wushe.activity.ActivityInput;

/**
 * The activity form; domains are check boxes with the constants as values, linked organizations are hidden inputs
 * filled by the picker. The form always sends the complete set of links (none chosen: none kept).
 */
record ActivityForm(String regionCode, String name, String units, String participants, String startDate,
		String endDate, String place, String content, List<String> domains, String beneficiaries, String fundsYuan,
		String materialsYuan, String remarks, List<Long> organizationIds) {

	ActivityForm {
		domains = domains == null ? List.of() : domains;
		organizationIds = organizationIds == null ? List.of() : organizationIds;
	}

	static ActivityForm empty(String regionCode) {
		return new ActivityForm(regionCode, "", "", "", "", "", "", "", List.of(), "", "", "", "", List.of());
	}

	static ActivityForm of(Activity a, List<Long> organizationIds) {
		return new ActivityForm(a.region().value(), a.name(), a.units(), String.valueOf(a.participants()),
				a.startDate().toString(), a.endDate().toString(), a.place(), a.content(),
				a.domains().stream().map(Enum::name).toList(), String.valueOf(a.beneficiaries()),
				a.fundsYuan().toPlainString(), a.materialsYuan().toPlainString(), a.remarks(), organizationIds);
	}

	ActivityInput toInput() {
		return new ActivityInput(regionCode, name, units, participants, startDate, endDate, place, content, domains,
				beneficiaries, fundsYuan, materialsYuan, remarks, organizationIds);
	}

	public boolean has(String domain) {
		return domains.contains(domain);
	}

}
