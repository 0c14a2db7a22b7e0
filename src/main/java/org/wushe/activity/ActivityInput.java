package org.wushe.activity;

import java.util.List;

/**
 * An activity as a user sends it (form or {@code POST /api/campaigns/{id}/activities}). Numbers, money and dates are
 * text so that they are read like workbook cells (full-width digits, separators, 元, Chinese dates) and a wrong value
 * gets an error naming its field. {@code endDate} may be blank for a one-day activity, or {@code startDate} may hold a
 * range such as {@code 3月20日-22日}. {@code organizationIds} names registered organizations among the units (in the
 * user's scope); {@code null} leaves the links of an existing record as they are, an empty list removes them.
 */
public record ActivityInput(String regionCode, String name, String units, String participants, String startDate,
		String endDate, String place, String content, List<String> domains, String beneficiaries, String fundsYuan,
		String materialsYuan, String remarks, List<Long> organizationIds) {

	public ActivityInput {
		domains = domains == null ? List.of() : domains;
	}

	/** An input that names no registered organization. */
	public ActivityInput(String regionCode, String name, String units, String participants, String startDate,
			String endDate, String place, String content, List<String> domains, String beneficiaries,
			String fundsYuan, String materialsYuan, String remarks) {
		this(regionCode, name, units, participants, startDate, endDate, place, content, domains, beneficiaries,
				fundsYuan, materialsYuan, remarks, null);
	}

}
