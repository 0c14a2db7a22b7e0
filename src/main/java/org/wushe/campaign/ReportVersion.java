package org.wushe.campaign;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One submitted, immutable version of a progress report, with who submitted it, when, and its totals.
 * {@code reporterPhone} is the masked form; the full phone is stored encrypted and read through
 * {@link ProgressReports#revealReporterPhone}.
 */
public record ReportVersion(long id, int version, Instant submittedAt, String submittedBy, String reporter,
		String reporterPhone, boolean onTime, int activities, long participants, long beneficiaries,
		BigDecimal fundsYuan, BigDecimal materialsYuan) {
}
