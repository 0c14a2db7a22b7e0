package org.wushe.activity;

import java.util.List;

/**
 * An activity as a user sends it (form or {@code POST /api/campaigns/{id}/activities}). Numbers, money and dates are
 * text so that they are read like workbook cells (full-width digits, separators, 元, Chinese dates) and a wrong value
 * gets an error naming its field. {@code endDate} may be blank for a one-day activity, or {@code startDate} may hold a
 * range such as {@code 3月20日-22日}.
 */
public record ActivityInput(String regionCode, String name, String units, String participants, String startDate,
		String endDate, String place, String content, List<String> domains, String beneficiaries, String fundsYuan,
		String materialsYuan, String remarks) {

	public ActivityInput {
		domains = domains == null ? List.of() : domains;
	}

}
