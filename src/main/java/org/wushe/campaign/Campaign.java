package org.wushe.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.wushe.region.RegionCode;
import org.wushe.region.RegionLevel;
import org.wushe.shared.BusinessException;

/**
 * A theme campaign as issued at {@link #region()} for its subtree: window, notice lists, reporting level and
 * deadlines. A local campaign ({@link #parentId()} set) runs under another and shares its theme and window.
 *
 * @param deadlines the reporting deadlines in time order, numbered from 1
 * @param summaryDeadline when the activity summary is due, or {@code null}
 * @param contactPhone the contact phone masked; the full phone is stored encrypted and read through
 *            {@link CampaignService#revealContactPhone}
 */
public record Campaign(long id, Long parentId, String name, String theme, RegionCode region, String regionName,
		RegionLevel reportingLevel, LocalDate startDate, LocalDate endDate, List<Deadline> deadlines,
		Deadline summaryDeadline, String tableTitle, List<String> contentItems, List<String> activityForms,
		String contactName, String contactPhone, String contactEmail, Instant createdAt, String createdBy) {

	public boolean isLocal() {
		return parentId != null;
	}

	/** Whether an activity held on {@code day} falls inside the campaign window. */
	public boolean isWithinWindow(LocalDate day) {
		return !day.isBefore(startDate) && !day.isAfter(endDate);
	}

	/** Whether the campaign runs on {@code today}: its window, or a deadline still to report on, includes the day. */
	public boolean isCurrentOn(LocalDate today) {
		LocalDate last = endDate;
		for (Deadline d : deadlines) {
			last = d.lastDay().isAfter(last) ? d.lastDay() : last;
		}
		if (summaryDeadline != null && summaryDeadline.lastDay().isAfter(last)) {
			last = summaryDeadline.lastDay();
		}
		return !today.isBefore(startDate) && !today.isAfter(last);
	}

	/** The n-th deadline (1-based), or a 404 naming the number. */
	public Deadline deadline(int number) {
		if (number < 1 || number > deadlines.size()) {
			throw BusinessException.notFound("campaign.error.deadline-unknown", number);
		}
		return deadlines.get(number - 1);
	}

	/** Whether {@code code} is one of this campaign's reporting units: at the reporting level, inside the subtree. */
	public boolean isReportingUnit(RegionCode code) {
		return code.level() == reportingLevel && region.contains(code);
	}

	/** The reporting unit a region reports through, or {@code null} when it lies above the reporting level. */
	public RegionCode reportingUnitOf(RegionCode code) {
		if (!region.contains(code) || reportingLevel.isBelow(code.level())) {
			return null;
		}
		return code.ancestorAt(reportingLevel);
	}

}
