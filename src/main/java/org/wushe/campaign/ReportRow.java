package org.wushe.campaign;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One row of a progress table (附件1) as a report freezes it: the activity's values at submission time.
 *
 * @param activityId the record it was copied from (it may since have changed or gone)
 * @param domains service domains by constant ({@code ELDERLY}, …)
 */
public record ReportRow(Long activityId, String regionCode, String name, String units, int participants,
		LocalDate startDate, LocalDate endDate, String place, String content, List<String> domains,
		int beneficiaries, BigDecimal fundsYuan, BigDecimal materialsYuan, String remarks) {

	public ReportRow {
		domains = domains == null ? List.of() : List.copyOf(domains);
	}

}
